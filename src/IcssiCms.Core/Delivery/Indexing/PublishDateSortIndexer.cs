using IcssiCms.Core.Schema;
using Umbraco.Cms.Core.DeliveryApi;
using Umbraco.Cms.Core.Models;
using Umbraco.Extensions;

namespace IcssiCms.Core.Delivery.Indexing;

/// <summary>Indexes a news item's publish date (as written by the editor, read as UTC), for the <c>publishDate</c> sort.</summary>
public sealed class PublishDateSortIndexer : IContentIndexHandler
{
    public const string FieldName = "publishDate";

    public IEnumerable<IndexFieldValue> GetFieldValues(IContent content, string? culture) =>
        UndatedLastSortField.Values(
            FieldName,
            content.ContentType.Alias == HubContentTypes.CampaignNews.Alias
            && content.GetValue<DateTime?>(HubContentTypes.CampaignNews.PublishDate) is { } published
                ? DateTime.SpecifyKind(published, DateTimeKind.Utc)
                : null);

    public IEnumerable<IndexField> GetFields() => UndatedLastSortField.Fields(FieldName);
}
