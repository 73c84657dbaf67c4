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

    public void Rebuild(ContentSnapshot snapshot)
    {
        index.Clear();
        // As Umbraco's index: content types the settings keep out of the API are not indexed at all.
        var current = settings.CurrentValue;
        foreach (var batch in snapshot.Items.Values.Where(i => current.IsAllowedContentType(i.ContentTypeAlias)).Chunk(BatchSize))
        {
            index.Index(batch.SelectMany(item => DocumentsOf(snapshot, item)));
        }
    }

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
