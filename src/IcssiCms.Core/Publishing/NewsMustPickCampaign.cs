using IcssiCms.Core.Schema;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Notifications;
using Umbraco.Cms.Core.PublishedCache;
using Umbraco.Extensions;

namespace IcssiCms.Core.Publishing;

/// <summary>Campaign news is published only when it picks at least one campaign: otherwise no campaign lists it.</summary>
public sealed class NewsMustPickCampaign(IDefaultCultureAccessor defaultCulture) : INotificationHandler<ContentPublishingNotification>
{
    public const string Category = "Campaign news";
    public const string Message = "Pick the campaign (or campaigns) this news belongs to before publishing it.";

    public void Handle(ContentPublishingNotification notification)
    {
        foreach (var content in notification.PublishedEntities)
        {
            if (content.ContentType.Alias == HubContentTypes.CampaignNews.Alias
                && string.IsNullOrWhiteSpace(content.GetValue<string>(HubContentTypes.CampaignNews.Campaigns)))
            {
                notification.CancelOperation(new EventMessage(Category, $"'{content.NameIn(defaultCulture.DefaultCulture)}': {Message}", EventMessageType.Error));
            }
        }
    }
}
