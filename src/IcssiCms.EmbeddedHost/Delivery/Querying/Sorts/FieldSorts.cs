using IcssiCms.EmbeddedHost.Delivery.Indexing;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.DeliveryApi;

namespace IcssiCms.EmbeddedHost.Delivery.Querying.Sorts;

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

public sealed class CreateDateSort() : FieldSortBase("createDate:", CreateDateSortIndexer.FieldName);

public sealed class UpdateDateSort() : FieldSortBase("updateDate:", UpdateDateSortIndexer.FieldName);

public sealed class LevelSort() : FieldSortBase("level:", LevelSortIndexer.FieldName);

public sealed class NameSort() : FieldSortBase("name:", NameSortIndexer.FieldName);

public sealed class SortOrderSort() : FieldSortBase("sortOrder:", SortOrderSortIndexer.FieldName);
