using IcssiCms.Core.Delivery.Indexing;
using Umbraco.Cms.Core.DeliveryApi;
using Umbraco.Cms.Core.Models.PublishedContent;

namespace IcssiCms.Core.Delivery.Querying.Filters;

/// <summary>
/// <c>search:tigris dam</c>: free text over names and text properties, in the request's culture. The words are
/// analysed as the culture's field is (<see cref="SearchLanguages"/>): an item matches when it has any of them, and
/// without a sort the best matches come first.
/// </summary>
public sealed class SearchFilter(IVariationContextAccessor variationContext) : IFilterHandler
{
    private const string Prefix = "search:";

    public bool CanHandle(string query) => query.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    public FilterOption BuildFilterOption(string filter)
    {
        return new FilterOption
        {
            FieldName = SearchLanguages.FieldFor(variationContext.VariationContext?.Culture),
            Values = [filter[Prefix.Length..].Trim()],
            Operator = FilterOperation.Is,
        };
    }
}
