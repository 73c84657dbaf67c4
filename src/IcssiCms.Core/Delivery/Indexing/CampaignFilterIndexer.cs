using IcssiCms.Core.Schema;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.DeliveryApi;
using Umbraco.Cms.Core.Models;
using Umbraco.Extensions;

namespace IcssiCms.Core.Delivery.Indexing;

/// <summary>Indexes the campaigns a news item picks, by URL segment, for the <c>campaign:</c> filter.</summary>
public sealed class CampaignFilterIndexer(ICampaignSlugs campaignSlugs) : IContentIndexHandler
{
    public const string FieldName = "campaign";

    public IEnumerable<IndexFieldValue> GetFieldValues(IContent content, string? culture)
    {
        if (content.ContentType.Alias != HubContentTypes.CampaignNews.Alias)
        {
            return [];
        }

        var slugs = PickedKeys(content.GetValue<string>(HubContentTypes.CampaignNews.Campaigns))
            .Select(campaignSlugs.SlugOf)
            .OfType<string>()
            .Select(slug => slug.ToLowerInvariant())
            .Distinct()
            .ToArray();

        return slugs.Length == 0 ? [] : [new IndexFieldValue { FieldName = FieldName, Values = slugs }];
    }

    public IEnumerable<IndexField> GetFields() =>
        [new IndexField { FieldName = FieldName, FieldType = FieldType.StringRaw, VariesByCulture = false }];

    /// <summary>The document keys of a picker value: <c>umb://document/…</c> references, comma-separated.</summary>
    internal static IEnumerable<Guid> PickedKeys(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? []
            : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(reference => UdiParser.TryParse(reference, out GuidUdi? udi) ? udi.Guid : Guid.Empty)
                .Where(key => key != Guid.Empty);
}
