using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Notifications;

namespace IcssiCms.Core.Registrations;

/// <summary>
/// When content changes (an event published with a larger capacity, say), the places free now go to those in line at
/// once, rather than at the next upkeep. It listens to the cache refresher, which fires once the published cache holds the
/// change, on every server; the store's lock makes the servers take turns, and a second turn finds nothing to do.
/// (A smaller capacity takes no one's place: places are only ever counted against it.)
/// </summary>
public sealed class FreePlacesAfterPublish(RegistrationStore store) : INotificationHandler<ContentCacheRefresherNotification>
{
    public void Handle(ContentCacheRefresherNotification notification)
    {
        if (store.AnyoneInLine())
        {
            store.FillFreePlaces();
        }
    }
}
