using IcssiCms.Core.Delivery;
using IcssiCms.Core.Publishing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Umbraco.Cms.Core.DependencyInjection;
using Umbraco.Cms.Core.Notifications;
using Umbraco.Extensions;

namespace IcssiCms.Core;

public static class IcssiCmsBuilderExtensions
{
    /// <summary>The hub plugin's wiring into an Umbraco site: its publishing rules and its Delivery API extensions.</summary>
    public static IUmbracoBuilder AddIcssiCms(this IUmbracoBuilder builder)
    {
        builder
            .AddNotificationHandler<ContentPublishingNotification, NewsMustPickCampaign>()
            .AddNotificationHandler<ContentPublishingNotification, ConferenceEndsAfterStart>();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<ICampaignSlugs, UmbracoCampaignSlugs>();
        foreach (var handler in HubDeliveryApi.FilterHandlers)
        {
            builder.FilterHandlers().Add(handler);
        }

        foreach (var handler in HubDeliveryApi.SortHandlers)
        {
            builder.SortHandlers().Add(handler);
        }

        foreach (var handler in HubDeliveryApi.ContentIndexHandlers)
        {
            builder.ContentIndexHandlers().Add(handler);
        }

        return builder;
    }
}
