using System.Globalization;
using IcssiCms.Core.Schema;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Notifications;
using Umbraco.Cms.Core.PublishedCache;
using Umbraco.Extensions;

namespace IcssiCms.Core.Publishing;

/// <summary>A conference or session cannot end before it starts.</summary>
public sealed class ConferenceEndsAfterStart(IDefaultCultureAccessor defaultCulture) : INotificationHandler<ContentPublishingNotification>
{
    public const string Category = "Conference dates";

    public void Handle(ContentPublishingNotification notification)
    {
        foreach (var content in notification.PublishedEntities)
        {
            if (content.ContentType.Alias is not (HubContentTypes.Conference.Alias or HubContentTypes.ConferenceSession.Alias))
            {
                continue;
            }

            var start = content.GetValue<DateTime?>(HubContentTypes.Conference.StartDate);
            var end = content.GetValue<DateTime?>(HubContentTypes.Conference.EndDate);
            if (start is not null && end is not null && end < start)
            {
                notification.CancelOperation(new EventMessage(
                    Category,
                    string.Create(CultureInfo.InvariantCulture, $"'{content.NameIn(defaultCulture.DefaultCulture)}' ends ({end:yyyy-MM-dd HH:mm}) before it starts ({start:yyyy-MM-dd HH:mm})."),
                    EventMessageType.Error));
            }
        }
    }
}
