using Umbraco.Cms.Core.PublishedCache;
using Umbraco.Cms.Core.Services;

namespace IcssiCms.Core.Delivery;

/// <summary>Campaign URL segments as an Umbraco site has them: Umbraco's document URL service, in the default culture.</summary>
public sealed class UmbracoCampaignSlugs(IDocumentUrlService documentUrls, IDefaultCultureAccessor defaultCulture) : ICampaignSlugs
{
    public string? SlugOf(Guid campaignKey) =>
        documentUrls.GetUrlSegment(campaignKey, defaultCulture.DefaultCulture, isDraft: false);
}
