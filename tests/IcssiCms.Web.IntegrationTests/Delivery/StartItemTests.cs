using System.Net;

namespace IcssiCms.Web.IntegrationTests.Delivery;

/// <summary>The <c>Start-Item</c> header on a site with two roots: the hub and "Second Hub", each with a "Campaigns" page.</summary>
[Collection(ConfiguredSiteCollection.Name)]
public sealed class StartItemTests(ConfiguredSite site)
{
    private static readonly Guid HubCampaigns = SeedContent.Hub.Named("Campaigns").Key;

    private readonly HttpClient _http = site.CreateClient();

    [Fact]
    public async Task Without_A_Start_Item_A_Route_Is_Found_Below_The_First_Root()
    {
        Assert.Equal(HubCampaigns, await CampaignsPageAsync(startItem: null));
    }

    /// <summary>The second root by its URL segment and by its key.</summary>
    public static TheoryData<string> SecondRoot => new() { "second-hub", ConfiguredSite.SecondRoot.ToString("D") };

    [Theory]
    [MemberData(nameof(SecondRoot))]
    public async Task A_Start_Item_By_Segment_Or_Key_Finds_The_Route_Below_That_Root(string startItem)
    {
        Assert.Equal(ConfiguredSite.SecondCampaigns, await CampaignsPageAsync(startItem));
    }

    [Fact]
    public async Task A_Start_Item_That_Names_No_Root_Is_Not_Found()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, DeliveryApiClient.ItemByPathUrl("/campaigns/"));
        request.Headers.Add("Start-Item", "no-such-site");
        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("The Start-Item could not be found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Children_Of_A_Route_Follow_The_Start_Item()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, DeliveryApiClient.QueryUrl(("fetch", "children:/")));
        request.Headers.Add("Start-Item", "second-hub");
        using var response = await _http.SendAsync(request);
        var page = await DeliveryApiClient.ReadJsonAsync(response, HttpStatusCode.OK);

        Assert.Equal(1, page.GetProperty("total").GetInt64());
        Assert.Equal(ConfiguredSite.SecondCampaigns, page.GetProperty("items")[0].GetProperty("id").GetGuid());
    }

    private async Task<Guid> CampaignsPageAsync(string? startItem)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, DeliveryApiClient.ItemByPathUrl("/campaigns/"));
        if (startItem is not null)
        {
            request.Headers.Add("Start-Item", startItem);
        }

        using var response = await _http.SendAsync(request);
        var item = await DeliveryApiClient.ReadJsonAsync(response, HttpStatusCode.OK);
        return item.GetProperty("id").GetGuid();
    }
}
