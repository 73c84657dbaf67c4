using IcssiCms.Core.Schema;
using IcssiCms.Web.IntegrationTests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Services;

namespace IcssiCms.Web.IntegrationTests.Delivery;

/// <summary>
/// The query endpoint after editors change content: drafts stay out of visitors' searches, and a campaign's news follow
/// the campaign to its new URL segment when it is renamed.
/// </summary>
[Collection(ChangingSiteCollection.Name)]
public sealed class EditedContentQueryTests(ChangingSite site)
{
    private static readonly Guid FreedomOfExpression = Guid.Parse("64740a9d-7c7f-56e3-a87f-e94307f60cb7");
    private static readonly Guid Campaigns = Guid.Parse("c7a746fd-2b71-5fb1-8c26-92c08af7768b");

    private IContentService Content => site.Services.GetRequiredService<IContentService>();

    private DeliveryApiClient Api => new(site.CreateClient());

    [Fact]
    public async Task A_Draft_Never_Published_Is_Not_Found_By_A_Search_Until_It_Is_Published()
    {
        var word = "draftword" + Guid.NewGuid().ToString("N")[..8];
        var draft = News("Draft news " + word, "A headline with " + word);
        Assert.True(Content.Save(draft).Success);

        // Umbraco indexes in the background, in order: once news published after the draft is found, the draft was indexed too, if it ever would be.
        var published = News("Published news " + word, "Another headline with " + word);
        Assert.True(Content.SaveAndPublish(published, [HubCultures.English]).Success);
        var whileDraft = await Api.QueryUntilAsync(page => page.Ids.Contains(published.Key), ("filter", "search:" + word));

        Assert.Equal([published.Key], whileDraft.Ids);
        Assert.True(Content.Publish(Content.GetById(draft.Key)!, [HubCultures.English]).Success);
        var afterPublish = await Api.QueryUntilAsync(page => page.Ids.Contains(draft.Key), ("filter", "search:" + word));
        Assert.Equal(new[] { draft.Key, published.Key }.Order(), afterPublish.Ids.Order());
    }

    [Fact]
    public async Task A_Renamed_Campaigns_News_Are_Found_By_Its_New_Url_Segment_And_No_Longer_By_The_Old()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var campaign = Content.Create("Marsh Arabs " + suffix, Campaigns, HubContentTypes.Campaign.Alias);
        campaign.SetCultureName(campaign.Name, HubCultures.English);
        campaign.SetValue(HubContentTypes.PageHeader.Title, campaign.Name, HubCultures.English);
        campaign.SetValue(HubContentTypes.Campaign.Status, """["Active"]""");
        Assert.True(Content.SaveAndPublish(campaign, [HubCultures.English]).Success);
        var news = NewsItems.Create(Content, FreedomOfExpression, [(HubCultures.English, "Marsh news " + suffix)], campaign.Key);
        Assert.True(Content.SaveAndPublish(news, [HubCultures.English]).Success);
        Assert.Equal([news.Key], (await Api.QueryUntilAsync(page => page.Total > 0, ("filter", $"campaign:marsh-arabs-{suffix}"))).Ids);

        var renamed = Content.GetById(campaign.Key)!;
        renamed.SetCultureName("Marsh Arabs Return " + suffix, HubCultures.English);
        Assert.True(Content.SaveAndPublish(renamed, [HubCultures.English]).Success);

        Assert.Equal([news.Key], (await Api.QueryUntilAsync(page => page.Total > 0, ("filter", $"campaign:marsh-arabs-return-{suffix}"))).Ids);
        Assert.Equal(0, (await Api.QueryAllAsync(("filter", $"campaign:marsh-arabs-{suffix}"))).Total);
    }

    private IContent News(string name, string headline)
    {
        var news = NewsItems.Create(Content, FreedomOfExpression, [(HubCultures.English, name)], FreedomOfExpression);
        news.SetValue(HubContentTypes.CampaignNews.Headline, headline, HubCultures.English);
        return news;
    }
}
