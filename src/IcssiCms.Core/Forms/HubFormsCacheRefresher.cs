using Umbraco.Cms.Core.Cache;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Notifications;
using Umbraco.Cms.Core.Sync;

namespace IcssiCms.Core.Forms;

/// <summary>
/// Umbraco's distributed cache for the hub's forms: when a form is saved or deleted on one server, every server of a
/// load-balanced site is told (through Umbraco's cache instructions), and <see cref="HubForms"/> reads the forms again.
/// </summary>
public sealed class HubFormsCacheRefresher(AppCaches appCaches, IEventAggregator eventAggregator, ICacheRefresherNotificationFactory factory)
    : CacheRefresherBase<HubFormsCacheRefresherNotification>(appCaches, eventAggregator, factory)
{
    public static readonly Guid UniqueId = Guid.Parse("5b0c6f7e-2d1a-4f0b-9a4e-7c3d2e8f1a60");

    public override Guid RefresherUniqueId => UniqueId;

    public override string Name => "ICSSI hub forms";
}

public sealed class HubFormsCacheRefresherNotification(object messageObject, MessageType messageType)
    : CacheRefresherNotification(messageObject, messageType);
