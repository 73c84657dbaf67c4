using IcssiCms.Store.Reading;
using IcssiCms.Store.Storage;
using IcssiCms.Usync.Mapping;
using Microsoft.EntityFrameworkCore;

namespace IcssiCms.EmbeddedHost.Delivery.Snapshot;

/// <summary>Reads the store's published content into a <see cref="ContentSnapshot"/>.</summary>
internal sealed class ContentSnapshotBuilder(HubDbContext db, StoreSetReader reader)
{
    public async Task<ContentSnapshot> BuildAsync(CancellationToken cancellationToken)
    {
        var set = await reader.ReadAsync(ContentVersion.Published, cancellationToken);
        var routes = await db.ContentCultures.AsNoTracking()
            .Where(c => c.Published && c.Route != null)
            .Select(c => new { c.NodeKey, c.Culture, c.Name, c.Route })
            .ToListAsync(cancellationToken);
        var updated = await db.ContentNodes.AsNoTracking().ToDictionaryAsync(n => n.Key, n => n.UpdateDate, cancellationToken);

        var defaultCulture = set.Languages.FirstOrDefault(l => l.IsDefault)?.IsoCode ?? string.Empty;
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
