using IcssiCms.Store.Importing;
using IcssiCms.Store.Reading;
using IcssiCms.Usync.Mapping;

namespace IcssiCms.EmbeddedHost.Delivery.Snapshot;

/// <summary>
/// Reads the store once into two <see cref="ContentSnapshot"/>s: what visitors see (published values, published
/// cultures under published ancestors), and what a preview sees (the drafts, every culture, routed as if published).
/// </summary>
internal sealed class ContentSnapshotBuilder(StoreSetReader reader)
{
    public async Task<(ContentSnapshot Published, ContentSnapshot Draft)> BuildAsync(CancellationToken cancellationToken)
    {
        var contents = await reader.ReadAsync(cancellationToken);
        return (Build(contents, ContentVersion.Published), Build(contents, ContentVersion.Draft));
    }

    /// <summary>Only what a preview sees: for a change to drafts alone, which leaves the published snapshot as it is.</summary>
    public async Task<ContentSnapshot> BuildDraftAsync(CancellationToken cancellationToken) =>
        Build(await reader.ReadAsync(cancellationToken), ContentVersion.Draft);

    private static ContentSnapshot Build(StoreContents contents, ContentVersion version)
    {
        var set = contents.ToSet(version);
        var defaultCulture = set.Languages.FirstOrDefault(l => l.IsDefault)?.IsoCode ?? string.Empty;
        var draftRoutes = version == ContentVersion.Draft
            ? ContentRouteBuilder.Build(
                contents.Nodes.SelectMany(n => contents.Cultures[n.Key].Select(c =>
                    new ContentRouteBuilder.NodeCulture(n.Key, n.ParentKey, n.Level, n.SortOrder, c.Culture, c.UrlSegment, Published: true))).ToList(),
                defaultCulture)
            : null;

        var nodes = set.Content.ToDictionary(n => n.Key);
        var updated = contents.Nodes.ToDictionary(n => n.Key, n => n.UpdateDate);
        var items = new Dictionary<Guid, SnapshotItem>();
        foreach (var node in set.Content)
        {
            // An invariant item is published under the empty culture; it is served in every culture.
            var cultures = new Dictionary<string, PublishedCulture>(StringComparer.OrdinalIgnoreCase);
            foreach (var culture in contents.Cultures[node.Key])
            {
                var route = draftRoutes is null ? (culture.Published ? culture.Route : null) : draftRoutes.GetValueOrDefault((node.Key, culture.Culture));
                if (route is not null)
                {
                    cultures[culture.Culture] = new PublishedCulture(culture.Culture, culture.Name, route);
                }
            }

            if (cultures.Count == 0)
            {
                continue;
            }

            var ancestors = new List<Guid>();
            for (var parent = node.ParentKey; parent != Guid.Empty && nodes.TryGetValue(parent, out var above); parent = above.ParentKey)
            {
                ancestors.Insert(0, parent);
            }

            items[node.Key] = new SnapshotItem(node, ancestors, updated[node.Key], cultures);
        }

        return new ContentSnapshot(
            items,
            new UmbracoContentTypeFactory().Create(set),
            set.DataTypes.ToDictionary(d => d.Key),
            defaultCulture,
            set.Languages.Select(l => l.IsoCode).ToList());
    }
}
