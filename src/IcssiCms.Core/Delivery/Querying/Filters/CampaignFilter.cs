using IcssiCms.Core.Delivery.Indexing;
using Umbraco.Cms.Core.DeliveryApi;

namespace IcssiCms.Core.Delivery.Querying.Filters;

/// <summary>
/// <c>campaign:save-the-tigris</c>: news of a campaign, by its URL segment. Several segments, comma-separated,
/// match news of any of them; <c>campaign:!slug</c> excludes a campaign's news.
/// </summary>
public sealed class CampaignFilter : IFilterHandler
{
    private const string Prefix = "campaign:";

    public bool CanHandle(string query) => query.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    public FilterOption BuildFilterOption(string filter)
    {
        var value = filter[Prefix.Length..];
        var negate = value.StartsWith('!');
        return new FilterOption
        {
            FieldName = CampaignFilterIndexer.FieldName,
            Values = (negate ? value[1..] : value)
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(slug => slug.ToLowerInvariant())
                .ToArray(),
            Operator = negate ? FilterOperation.IsNot : FilterOperation.Is,
        };
    }
}
