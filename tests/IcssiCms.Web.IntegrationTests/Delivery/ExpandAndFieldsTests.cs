using System.Net;
using System.Text.Json;
using IcssiCms.Core.Schema;
using IcssiCms.Web.IntegrationTests.Hosting;

namespace IcssiCms.Web.IntegrationTests.Delivery;

[Collection(SeededSiteCollection.Name)]
public sealed class ExpandAndFieldsTests(HubSite site)
{
    private DeliveryApiClient Api { get; } = new(site.CreateClient());
    private const string CallRoute = "/conferences/icssi-conference-2014/call-for-international-participants/";
    private const string ConferenceRoute = "/conferences/icssi-conference-2014/";

    [Fact]
    public async Task Without_Expand_Picked_Items_Come_Without_Properties()
    {
        var call = await ItemAsync(CallRoute);

        Assert.Equal(6, Picked(call, HubContentTypes.CampaignNews.Campaigns).Count);
        Assert.All(Picked(call, HubContentTypes.CampaignNews.Campaigns), campaign =>
            Assert.Empty(campaign.GetProperty("properties").EnumerateObject()));
    }

    [Theory]
    [InlineData("properties[campaigns]")]
    [InlineData("properties[$all]")]
    public async Task Expand_Gives_Picked_Items_Their_Properties(string expand)
    {
        var call = await ItemAsync(CallRoute, ("expand", expand));

        var campaigns = Picked(call, HubContentTypes.CampaignNews.Campaigns);
        Assert.Equal(6, campaigns.Count);
        Assert.All(campaigns, campaign =>
        {
            var properties = campaign.GetProperty("properties");
            Assert.Equal(campaign.GetProperty("name").GetString(), properties.GetProperty(HubContentTypes.PageHeader.Title).GetString());
            Assert.Equal("Active", properties.GetProperty(HubContentTypes.Campaign.Status).GetString());
            Assert.False(campaign.TryGetProperty("cultures", out _));
        });
    }

    [Fact]
    public async Task Expanding_One_Property_Leaves_The_Others_Shallow()
    {
        var conference = await ItemAsync(ConferenceRoute, ("expand", "properties[description]"));

        Assert.NotEmpty(Picked(conference, HubContentTypes.Conference.Organisers));
        Assert.All(Picked(conference, HubContentTypes.Conference.Organisers), organiser =>
            Assert.Empty(organiser.GetProperty("properties").EnumerateObject()));
    }

    [Fact]
    public async Task Fields_Keeps_Only_The_Named_Properties()
    {
        var call = await ItemAsync(CallRoute, ("fields", "properties[headline,tags]"));

        Assert.Equal(
            [HubContentTypes.CampaignNews.Headline, HubContentTypes.CampaignNews.Tags],
            call.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Nested_Fields_Choose_What_An_Expanded_Item_Shows()
    {
        var call = await ItemAsync(CallRoute,
            ("expand", "properties[campaigns]"),
            ("fields", "properties[campaigns[properties[title]]]"));

        Assert.Equal([HubContentTypes.CampaignNews.Campaigns], call.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.All(Picked(call, HubContentTypes.CampaignNews.Campaigns), campaign =>
            Assert.Equal([HubContentTypes.PageHeader.Title], campaign.GetProperty("properties").EnumerateObject().Select(p => p.Name)));
    }

    [Fact]
    public async Task Fields_Apply_To_Every_Item_Of_A_Query()
    {
        var campaigns = await Api.QueryAsync(("fetch", "children:/campaigns/"), ("fields", "properties[title]"));

        Assert.Equal(6, campaigns.Total);
        Assert.All(campaigns.Items, campaign =>
            Assert.Equal([HubContentTypes.PageHeader.Title], campaign.GetProperty("properties").EnumerateObject().Select(p => p.Name)));
    }

    /// <summary>Umbraco 18 throws on unbalanced brackets (a 500); the plugin answers 400 first, naming the parameter.</summary>
    [Theory]
    [InlineData("expand", "properties[campaigns")]
    [InlineData("fields", "properties[headline")]
    [InlineData("fields", "properties]headline[")]
    public async Task An_Expand_Or_Fields_With_Unbalanced_Brackets_Is_A_Bad_Request_Naming_It(string parameter, string value)
    {
        using var response = await Api.SendAsync($"{DeliveryApiClient.ItemByPathUrl(CallRoute)}?{parameter}={Uri.EscapeDataString(value)}");

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await DeliveryApiClient.ReadJsonAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.Contains(value, problem.GetProperty("detail").GetString());
    }

    /// <summary>Umbraco reads any <c>fields</c> value that names no properties as "none of them".</summary>
    [Fact]
    public async Task Fields_That_Name_No_Properties_Leave_The_Item_Without_Properties()
    {
        var call = await ItemAsync(CallRoute, ("fields", "all"));

        Assert.Empty(call.GetProperty("properties").EnumerateObject());
        Assert.Equal(SeedContent.Hub.Named("Call for International Participants").Key, call.GetProperty("id").GetGuid());
    }

    private async Task<JsonElement> ItemAsync(string route, params (string Name, string Value)[] query)
    {
        var url = DeliveryApiClient.ItemByPathUrl(route)
            + (query.Length == 0 ? string.Empty : "?" + string.Join('&', query.Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value)}")));
        using var response = await Api.SendAsync(url);
        return await DeliveryApiClient.ReadJsonAsync(response, HttpStatusCode.OK);
    }

    private static List<JsonElement> Picked(JsonElement item, string alias) =>
        [.. item.GetProperty("properties").GetProperty(alias).EnumerateArray()];
}
