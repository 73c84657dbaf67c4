using IcssiCms.Core.Delivery.Indexing;
using IcssiCms.Core.Delivery.Querying.Filters;
using IcssiCms.Core.Delivery.Querying.Sorts;

namespace IcssiCms.Core.Delivery;

/// <summary>
/// The hub's Delivery API extensions, listed once for the composer, which adds them to Umbraco's handler collections.
/// </summary>
public static class HubDeliveryApi
{
    public static IReadOnlyList<Type> FilterHandlers { get; } =
        [typeof(CampaignFilter), typeof(UpcomingFilter), typeof(EventDateFilter), typeof(SearchFilter)];

    public static IReadOnlyList<Type> SortHandlers { get; } = [typeof(EventDateSort), typeof(PublishDateSort)];

    public static IReadOnlyList<Type> ContentIndexHandlers { get; } =
        [typeof(CampaignFilterIndexer), typeof(EventDateIndexer), typeof(SearchTextIndexer), typeof(PublishDateSortIndexer)];
}
