using Umbraco.Cms.Core;
using Umbraco.Cms.Core.DeliveryApi;

namespace IcssiCms.Core.Delivery.Querying.Sorts;

/// <summary><c>{field}:asc</c> or <c>{field}:desc</c> on an index field (or, ascending, on its own field where one is given).</summary>
public abstract class FieldSortBase(string prefix, string fieldName, string? ascendingFieldName = null) : ISortHandler
{
    public bool CanHandle(string query) =>
        query.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
        && query[prefix.Length..].ToLowerInvariant() is "asc" or "desc";

    public SortOption BuildSortOption(string sort) => sort.EndsWith("desc", StringComparison.OrdinalIgnoreCase)
        ? new SortOption { FieldName = fieldName, Direction = Direction.Descending }
        : new SortOption { FieldName = ascendingFieldName ?? fieldName, Direction = Direction.Ascending };
}
