using IcssiCms.Core.Delivery.Indexing;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.DeliveryApi;

namespace IcssiCms.Core.Delivery.Querying.Sorts;

/// <summary><c>eventDate:asc</c> or <c>eventDate:desc</c>: conferences and sessions by when they start.</summary>
public sealed class EventDateSort : ISortHandler
{
    private const string Prefix = "eventDate:";

    public bool CanHandle(string query) =>
        query.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && query[Prefix.Length..].ToLowerInvariant() is "asc" or "desc";

    public SortOption BuildSortOption(string sort) => new()
    {
        FieldName = EventDateIndexer.StartFieldName,
        Direction = sort[Prefix.Length..].StartsWith("desc", StringComparison.OrdinalIgnoreCase) ? Direction.Descending : Direction.Ascending,
    };
}
