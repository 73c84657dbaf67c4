using IcssiCms.Core.Delivery.Indexing;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.DeliveryApi;

namespace IcssiCms.Core.Delivery.Querying.Sorts;

/// <summary><c>publishDate:desc</c> (newest news first) or <c>publishDate:asc</c>; news without a date comes last.</summary>
public sealed class PublishDateSort : ISortHandler
{
    private const string Prefix = "publishDate:";

    public bool CanHandle(string query) =>
        query.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && query[Prefix.Length..].ToLowerInvariant() is "asc" or "desc";

    public SortOption BuildSortOption(string sort) => new()
    {
        FieldName = PublishDateSortIndexer.FieldName,
        Direction = sort.EndsWith("desc", StringComparison.OrdinalIgnoreCase) ? Direction.Descending : Direction.Ascending,
    };
}
