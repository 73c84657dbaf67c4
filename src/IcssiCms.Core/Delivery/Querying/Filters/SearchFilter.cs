using IcssiCms.Core.Delivery.Indexing;
using Umbraco.Cms.Core.DeliveryApi;
using Umbraco.Cms.Core.Models.PublishedContent;

namespace IcssiCms.Core.Delivery.Querying.Filters;

/// <summary>
/// <c>search:tigris dam</c>: free text over names and text properties, in the request's culture. On Umbraco the words
/// are analysed as the culture's field is (<see cref="SearchLanguages"/>): an item matches when it has any of them,
/// and without a sort the best matches come first. (The embedded host, which has no variation context, matches every
/// word in its own culture-aware index.)
/// </summary>
public sealed class SearchFilter : IFilterHandler
{
    private const string Prefix = "search:";

    private readonly IVariationContextAccessor? _variationContext;

    public SearchFilter()
    {
    }

    public SearchFilter(IVariationContextAccessor variationContext) => _variationContext = variationContext;

    public bool CanHandle(string query) => query.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    public FilterOption BuildFilterOption(string filter)
    {
        var words = filter[Prefix.Length..].Trim();
        return _variationContext is null
            ? new FilterOption { FieldName = SearchTextIndexer.FieldName, Values = [words], Operator = FilterOperation.Contains }
            : new FilterOption
            {
                FieldName = SearchLanguages.FieldFor(_variationContext.VariationContext?.Culture),
                Values = [words],
                Operator = FilterOperation.Is,
            };
    }
}
