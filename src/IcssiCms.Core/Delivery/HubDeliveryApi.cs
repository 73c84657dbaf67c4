using IcssiCms.Core.Delivery.Indexing;
using IcssiCms.Core.Delivery.Querying.Filters;
using IcssiCms.Core.Delivery.Querying.Sorts;

namespace IcssiCms.Core.Delivery;

/// <summary>
/// The hub's Delivery API extensions, listed once: the Umbraco composer adds them to Umbraco's handler
/// collections, and the embedded host loads the same classes into its own.
/// </summary>
public static class HubDeliveryApi
{
    public static IReadOnlyList<Type> FilterHandlers { get; } =
        [typeof(CampaignFilter), typeof(UpcomingFilter), typeof(EventDateFilter), typeof(SearchFilter)];

    public static IReadOnlyList<Type> SortHandlers { get; } = [typeof(EventDateSort), typeof(PublishDateSort)];

    public static IReadOnlyList<Type> ContentIndexHandlers { get; } =
        [typeof(CampaignFilterIndexer), typeof(EventDateIndexer), typeof(SearchTextIndexer), typeof(PublishDateSortIndexer)];
}
