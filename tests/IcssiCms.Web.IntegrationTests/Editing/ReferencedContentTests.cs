using System.Net;
using IcssiCms.Core.Schema;
using IcssiCms.Web.IntegrationTests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Services;

namespace IcssiCms.Web.IntegrationTests.Editing;

/// <summary>
/// An item that another item picks (a campaign its news pick) is not deleted from under it: the site turns on Umbraco's
/// <c>DisableDeleteWhenReferenced</c>, so the back office refuses to move it to the recycle bin, and emptying the bin
/// leaves it there, until nothing picks it.
/// </summary>
[Collection(ChangingSiteCollection.Name)]
public sealed class ReferencedContentTests(ChangingSite site)
{
    private static readonly Guid Campaigns = Guid.Parse("c7a746fd-2b71-5fb1-8c26-92c08af7768b");
    private static readonly Guid FreedomOfExpression = Guid.Parse("64740a9d-7c7f-56e3-a87f-e94307f60cb7");

    private IContentService Content => site.Services.GetRequiredService<IContentService>();

    [Fact]
    public async Task A_Campaign_That_News_Picks_Is_Not_Moved_To_The_Recycle_Bin_Until_Nothing_Picks_It()
    {
        var (campaign, news) = CampaignWithNews("Picked campaign");
        using var editor = await ApiUsers.ClientInGroupAsync(site, Constants.Security.EditorGroupKey);

        using var refused = await editor.PutAsync($"/umbraco/management/api/v1/document/{campaign.Key:D}/move-to-recycle-bin", null);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("referenced", await refused.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.False(Content.GetById(campaign.Key)!.Trashed);

        news.SetValue(HubContentTypes.CampaignNews.Campaigns, null);
        Assert.True(Content.Save(news).Success);
        using var moved = await editor.PutAsync($"/umbraco/management/api/v1/document/{campaign.Key:D}/move-to-recycle-bin", null);

        Assert.True(moved.IsSuccessStatusCode, $"{(int)moved.StatusCode}: {await moved.Content.ReadAsStringAsync()}");
        Assert.True(Content.GetById(campaign.Key)!.Trashed);
    }

    [Fact]
    public async Task Emptying_The_Recycle_Bin_Leaves_An_Item_That_Is_Still_Picked_And_Deletes_The_Rest()
    {
        var (picked, news) = CampaignWithNews("Binned but picked campaign");
        var unpicked = Content.Create("Binned campaign nothing picks", Campaigns, HubContentTypes.Campaign.Alias);
        unpicked.SetCultureName(unpicked.Name, HubCultures.English);
        Assert.True(Content.Save(unpicked).Success);
        Assert.True(Content.MoveToRecycleBin(picked).Success);
        Assert.True(Content.MoveToRecycleBin(Content.GetById(unpicked.Key)!).Success);
        using var administrator = await ApiUsers.ClientInGroupAsync(site, Constants.Security.AdminGroupKey);

        using var emptied = await administrator.DeleteAsync("/umbraco/management/api/v1/recycle-bin/document");

        Assert.True(emptied.IsSuccessStatusCode, $"{(int)emptied.StatusCode}: {await emptied.Content.ReadAsStringAsync()}");
        Assert.True(Content.GetById(picked.Key)?.Trashed, "The picked campaign was deleted.");
        Assert.Null(Content.GetById(unpicked.Key));
        Assert.NotNull(Content.GetById(news.Key));
    }

    /// <summary>A new campaign, and news under Freedom of Expression that picks it, both saved.</summary>
    private (IContent Campaign, IContent News) CampaignWithNews(string name)
    {
        name += " " + Guid.NewGuid().ToString("N")[..6];
        var campaign = Content.Create(name, Campaigns, HubContentTypes.Campaign.Alias);
        campaign.SetCultureName(name, HubCultures.English);
        Assert.True(Content.Save(campaign).Success);
        var news = NewsItems.Create(Content, FreedomOfExpression, [(HubCultures.English, "News of " + name)], campaign.Key);
        Assert.True(Content.Save(news).Success);
        return (campaign, news);
    }
}
