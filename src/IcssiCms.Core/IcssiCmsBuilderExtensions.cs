using IcssiCms.Core.Publishing;
using Umbraco.Cms.Core.DependencyInjection;
using Umbraco.Cms.Core.Notifications;

namespace IcssiCms.Core;

public static class IcssiCmsBuilderExtensions
{
    /// <summary>The hub plugin's wiring into an Umbraco site: its publishing rules, and (as they come) its Delivery API extensions.</summary>
    public static IUmbracoBuilder AddIcssiCms(this IUmbracoBuilder builder)
    {
        builder
            .AddNotificationHandler<ContentPublishingNotification, NewsMustPickCampaign>()
            .AddNotificationHandler<ContentPublishingNotification, ConferenceEndsAfterStart>();
        return builder;
    }
}
