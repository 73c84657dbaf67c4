using IcssiCms.Core.Delivery;
using IcssiCms.Core.Schema;
using IcssiCms.EmbeddedHost.Delivery.Snapshot;
using IcssiCms.Usync.Mapping;

namespace IcssiCms.EmbeddedHost.Delivery;

/// <summary>The plugin's <see cref="ICampaignSlugs"/> in the embedded host: the campaign's URL segment in the default language.</summary>
internal sealed class SnapshotCampaignSlugs(ContentSnapshotAccessor snapshots) : ICampaignSlugs
{
    public string? SlugOf(Guid campaignKey)
    {
        var snapshot = snapshots.Current;
        return snapshot.Find(campaignKey) is { ContentTypeAlias: HubContentTypes.Campaign.Alias } campaign
            ? UmbracoStrings.UrlSegment(campaign.Node.NameIn(snapshot.DefaultCulture), snapshot.DefaultCulture)
            : null;
    }
}
