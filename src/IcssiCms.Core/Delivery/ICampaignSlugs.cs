namespace IcssiCms.Core.Delivery;

/// <summary>
/// The URL segment of a campaign (<c>save-the-tigris</c>), which the <c>campaign:</c> filter matches; on the site it
/// comes from Umbraco's document URLs (<see cref="UmbracoCampaignSlugs"/>).
/// </summary>
public interface ICampaignSlugs
{
    /// <summary>The campaign's URL segment in the default language; null when the key is not a published campaign.</summary>
    string? SlugOf(Guid campaignKey);
}
