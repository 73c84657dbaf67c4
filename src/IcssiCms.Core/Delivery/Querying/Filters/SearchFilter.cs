using IcssiCms.Core.Delivery.Indexing;
using Umbraco.Cms.Core.DeliveryApi;

namespace IcssiCms.Core.Delivery.Querying.Filters;

/// <summary><c>search:tigris dam</c>: free text over names and text properties, in the request's culture.</summary>
public sealed class SearchFilter : IFilterHandler
{
    private const string Prefix = "search:";

    public bool CanHandle(string query) => query.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    public FilterOption BuildFilterOption(string filter) => new()
    {
        FieldName = SearchTextIndexer.FieldName,
        Values = [filter[Prefix.Length..].Trim()],
        Operator = FilterOperation.Contains,
    };
}
