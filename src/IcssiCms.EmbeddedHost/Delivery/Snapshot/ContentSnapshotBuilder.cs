using IcssiCms.Store.Importing;
using IcssiCms.Store.Reading;
using IcssiCms.Store.Storage;
using IcssiCms.Usync.Mapping;
using Microsoft.EntityFrameworkCore;

namespace IcssiCms.EmbeddedHost.Delivery.Snapshot;

/// <summary>
/// Reads the store into a <see cref="ContentSnapshot"/>: what visitors see (published values, published cultures
/// under published ancestors), or what a preview sees (the drafts, every culture, routed as if published).
/// </summary>
internal sealed class ContentSnapshotBuilder(HubDbContext db, StoreSetReader reader)
{
    public async Task<ContentSnapshot> BuildAsync(ContentVersion version, CancellationToken cancellationToken)
    {
        var set = await reader.ReadAsync(version, cancellationToken);
        var defaultCulture = set.Languages.FirstOrDefault(l => l.IsDefault)?.IsoCode ?? string.Empty;
        var rows = await (
            from c in db.ContentCultures.AsNoTracking()
            join n in db.ContentNodes.AsNoTracking() on c.NodeKey equals n.Key
            where !n.Trashed
            select new { c.NodeKey, c.Culture, c.Name, c.Route, c.Published, c.UrlSegment, n.ParentKey, n.Level, n.SortOrder })
            .ToListAsync(cancellationToken);
        var draftRoutes = version == ContentVersion.Draft
            ? ContentRouteBuilder.Build(
                rows.Select(r => new ContentRouteBuilder.NodeCulture(r.NodeKey, r.ParentKey, r.Level, r.SortOrder, r.Culture, r.UrlSegment, Published: true)).ToList(),
                defaultCulture)
            : null;
        var routes = rows
            .Select(r => new { r.NodeKey, r.Culture, r.Name, Route = draftRoutes is null ? (r.Published ? r.Route : null) : draftRoutes.GetValueOrDefault((r.NodeKey, r.Culture)) })
            .Where(r => r.Route != null)
            .ToList();
        var updated = await db.ContentNodes.AsNoTracking().ToDictionaryAsync(n => n.Key, n => n.UpdateDate, cancellationToken);

        var published = routes.ToLookup(r => r.NodeKey);
        var nodes = set.Content.ToDictionary(n => n.Key);
        var items = new Dictionary<Guid, SnapshotItem>();
        foreach (var node in set.Content)
        {
            // An invariant item is published under the empty culture; it is served in every culture.
            var cultures = published[node.Key]
                .Select(r => new PublishedCulture(r.Culture.Length == 0 ? string.Empty : r.Culture, r.Name, r.Route!))
                .ToDictionary(c => c.Culture, StringComparer.OrdinalIgnoreCase);
            if (cultures.Count == 0)
            {
                continue;
            }

            var ancestors = new List<Guid>();
            for (var parent = node.ParentKey; parent != Guid.Empty && nodes.TryGetValue(parent, out var above); parent = above.ParentKey)
            {
                ancestors.Insert(0, parent);
            }

            items[node.Key] = new SnapshotItem(node, ancestors, updated.GetValueOrDefault(node.Key), cultures);
        }

        return new ContentSnapshot(
            items,
            new UmbracoContentTypeFactory().Create(set),
            set.DataTypes.ToDictionary(d => d.Key),
            defaultCulture,
            set.Languages.Select(l => l.IsoCode).ToList());
    }
}
