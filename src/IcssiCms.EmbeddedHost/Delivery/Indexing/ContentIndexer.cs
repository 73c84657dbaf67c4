using IcssiCms.EmbeddedHost.Delivery.Snapshot;
using IcssiCms.Search;
using IcssiCms.Usync.Mapping;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core.Configuration.Models;
using Umbraco.Cms.Core.DeliveryApi;
using Umbraco.Extensions;

namespace IcssiCms.EmbeddedHost.Delivery.Indexing;

/// <summary>
/// Fills the content index as Umbraco fills <c>DeliveryApiContentIndex</c>: for each published item and culture,
/// Umbraco's <see cref="global::Umbraco.Cms.Core.Models.Content"/> is built and every <see cref="IContentIndexHandler"/>
/// (built-in and the plugin's) gives its field values.
/// </summary>
internal sealed class ContentIndexer(IEnumerable<IContentIndexHandler> handlers, IContentIndex index, IOptionsMonitor<DeliveryApiSettings> settings)
{
    private readonly IContentIndexHandler[] _handlers = [.. handlers];

    /// <summary>Items go to the index a batch at a time, so that only one batch of Umbraco content objects is alive at once.</summary>
    private const int BatchSize = 1000;

    /// <summary>Empties the index and indexes every published item of the snapshot; returns how many.</summary>
    public int Rebuild(ContentSnapshot snapshot)
    {
        index.Clear();
        // As Umbraco's index: content types the settings keep out of the API are not indexed at all.
        var current = settings.CurrentValue;
        var items = snapshot.Items.Values.Where(i => current.IsAllowedContentType(i.ContentTypeAlias)).ToList();
        foreach (var batch in items.Chunk(BatchSize))
        {
            index.Index(batch.SelectMany(item => DocumentsOf(snapshot, item)));
        }

        return items.Count;
    }

    /// <summary>
    /// Brings the index from <paramref name="previous"/> to <paramref name="snapshot"/> by re-indexing only what changed:
    /// items new, gone, or different in anything a field is made of (values, names, routes, place in the tree, dates),
    /// and the items that pick one of those whose routes changed (news are indexed by their campaign's URL segment). The schema and the
    /// Delivery API's settings are taken as unchanged: an import rebuilds instead. Returns how many items it touched.
    /// </summary>
    public int Update(ContentSnapshot previous, ContentSnapshot snapshot)
    {
        var changed = snapshot.Items.Values.Where(item => previous.Find(item.Key) is not { } before || !SameForIndex(before, item)).Select(item => item.Key).ToHashSet();
        var gone = previous.Items.Keys.Where(key => !snapshot.Items.ContainsKey(key)).ToList();
        if (changed.Count == 0 && gone.Count == 0)
        {
            return 0;
        }

        // What an item's fields take from the items it picks is their routes (a campaign's URL segment): its pickers are
        // indexed again when a picked item is new, gone, or routed differently, not for every change to it.
        var rerouted = changed.Where(key => previous.Find(key) is not { } before || !SameEntries(before.Cultures, snapshot.Items[key].Cultures));
        var referenced = rerouted.Concat(gone).ToHashSet();
        if (referenced.Count > 0)
        {
            foreach (var item in snapshot.Items.Values.Where(item => !changed.Contains(item.Key)))
            {
                if (item.Node.Properties.Any(p => DocumentReferences.KeysIn(p.Value).Any(referenced.Contains)))
                {
                    changed.Add(item.Key);
                }
            }
        }

        var current = settings.CurrentValue;
        var indexed = changed.Select(key => snapshot.Items[key]).Where(item => current.IsAllowedContentType(item.ContentTypeAlias)).ToList();
        index.Remove(gone.Concat(changed.Where(key => !current.IsAllowedContentType(snapshot.Items[key].ContentTypeAlias))));
        foreach (var batch in indexed.Chunk(BatchSize))
        {
            index.Index(batch.SelectMany(item => DocumentsOf(snapshot, item)));
        }

        return changed.Count + gone.Count;
    }

    private static bool SameForIndex(SnapshotItem before, SnapshotItem after) =>
        before.UpdateDate == after.UpdateDate
        && before.AncestorKeys.SequenceEqual(after.AncestorKeys)
        && SameEntries(before.Cultures, after.Cultures)
        && before.Node.Name == after.Node.Name
        && before.Node.Level == after.Node.Level
        && before.Node.ParentKey == after.Node.ParentKey
        && before.Node.SortOrder == after.Node.SortOrder
        && before.Node.ContentTypeAlias == after.Node.ContentTypeAlias
        && before.Node.CreateDate == after.Node.CreateDate
        && SameEntries(before.Node.CultureNames, after.Node.CultureNames)
        && before.Node.Properties.Select(p => (p.Alias, p.Culture, p.Segment, p.Value)).SequenceEqual(after.Node.Properties.Select(p => (p.Alias, p.Culture, p.Segment, p.Value)));

    private static bool SameEntries<TValue>(IReadOnlyDictionary<string, TValue> before, IReadOnlyDictionary<string, TValue> after) =>
        before.Count == after.Count && before.All(entry => after.TryGetValue(entry.Key, out var value) && EqualityComparer<TValue>.Default.Equals(entry.Value, value));

    private IEnumerable<IndexDocument> DocumentsOf(ContentSnapshot snapshot, SnapshotItem item)
    {
        var content = UmbracoContentFactory.Create(item.Node, snapshot.ContentTypes[item.ContentTypeAlias]);
        content.UpdateDate = item.UpdateDate;
        foreach (var culture in item.Cultures.Keys.Select(c => c.Length == 0 ? null : c))
        {
            var values = _handlers
                .SelectMany(h => h.GetFieldValues(content, culture))
                .GroupBy(v => v.FieldName)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<object>)g.SelectMany(v => v.Values).ToList());
            yield return new IndexDocument(item.Key, culture, values);
        }
    }
}
