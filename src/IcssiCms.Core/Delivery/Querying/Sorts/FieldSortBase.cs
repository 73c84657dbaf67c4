using Umbraco.Cms.Core;
using Umbraco.Cms.Core.DeliveryApi;

namespace IcssiCms.Core.Delivery.Querying.Sorts;

/// <summary><c>{field}:asc</c> or <c>{field}:desc</c> on one index field.</summary>
public abstract class FieldSortBase(string prefix, string fieldName) : ISortHandler
{
    public bool CanHandle(string query) =>
        query.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
        && query[prefix.Length..].ToLowerInvariant() is "asc" or "desc";

    public SortOption BuildSortOption(string sort) => new()
    {
        FieldName = fieldName,
        Direction = sort.EndsWith("desc", StringComparison.OrdinalIgnoreCase) ? Direction.Descending : Direction.Ascending,
    };
}
