using System.Globalization;
using System.Net;
using System.Text.Json;
using IcssiCms.Core.Schema;
using IcssiCms.Web.IntegrationTests.Hosting;

namespace IcssiCms.Web.IntegrationTests.Delivery;

/// <summary>The single-item endpoints, the shape of an item, and how its properties render.</summary>
[Collection(SeededSiteCollection.Name)]
public sealed class ContentItemTests(HubSite site)
{
    private const string IsoUtc = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$";

    private static readonly SeedContent Seed = SeedContent.Hub;
    private static readonly SeedItem SaveTheTigris = Seed.Named("Save the Tigris");
    private static readonly SeedItem CallForParticipants = Seed.Named("Call for International Participants");
    private static readonly SeedItem IcssiConference = Seed.Named("ICSSI Conference 2014");

    private DeliveryApiClient Api { get; } = new(site.CreateClient());

    [Fact]
    public async Task A_Campaign_Is_Found_By_Its_English_Route_With_Its_English_Name()
    {
        var item = await Api.ItemByPathAsync("/campaigns/save-the-tigris/");

        Assert.Equal(SaveTheTigris.Key, item.GetProperty("id").GetGuid());
        Assert.Equal(SaveTheTigris.Name(HubCultures.English), item.GetProperty("name").GetString());
        Assert.Equal("/campaigns/save-the-tigris/", item.GetProperty("route").GetProperty("path").GetString());
    }

    [Fact]
    public async Task A_Campaign_Is_Found_By_Its_Arabic_Route_In_Arabic_With_Its_Arabic_Name_And_Route()
    {
        var arabicRoute = Seed.RouteOf(SaveTheTigris.Key, HubCultures.Arabic);

        var item = await Api.ItemByPathAsync(arabicRoute, HubCultures.Arabic);

        Assert.Equal(SaveTheTigris.Key, item.GetProperty("id").GetGuid());
        Assert.Equal(SaveTheTigris.Name(HubCultures.Arabic), item.GetProperty("name").GetString());
        Assert.Equal(arabicRoute, item.GetProperty("route").GetProperty("path").GetString());
        Assert.Equal(SaveTheTigris.Value(HubContentTypes.PageHeader.Summary, HubCultures.Arabic), item.GetProperty("properties").GetProperty("summary").GetString());
    }

    [Fact]
    public async Task The_Path_Endpoint_Takes_A_Route_Without_Its_Slashes()
    {
        var item = await Api.ItemByPathAsync("campaigns/save-the-tigris");

        Assert.Equal(SaveTheTigris.Key, item.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task The_Hub_Root_Is_Served_At_The_Route_Slash()
    {
        using var response = await Api.SendAsync($"{DeliveryApiClient.BasePath}/item/%2F");
        var item = await DeliveryApiClient.ReadJsonAsync(response, HttpStatusCode.OK);

        Assert.Equal(Seed.Root.Key, item.GetProperty("id").GetGuid());
        Assert.Equal("/", item.GetProperty("route").GetProperty("path").GetString());
    }

    [Theory]
    [InlineData(HubCultures.English)]
    [InlineData(HubCultures.Arabic)]
    public async Task Cultures_Lists_The_English_And_Arabic_Routes_Whatever_The_Requested_Language(string culture)
    {
        var item = await Api.ItemByIdAsync(SaveTheTigris.Key, culture);

        var cultures = item.GetProperty("cultures");
        Assert.Equal(
            SaveTheTigris.PublishedCultures.Order(StringComparer.Ordinal),
            cultures.EnumerateObject().Select(c => c.Name).Order(StringComparer.Ordinal));
        foreach (var published in SaveTheTigris.PublishedCultures)
        {
            Assert.Equal(Seed.RouteOf(SaveTheTigris.Key, published), cultures.GetProperty(published).GetProperty("path").GetString());
            Assert.Equal(Seed.Root.Key, cultures.GetProperty(published).GetProperty("startItem").GetProperty("id").GetGuid());
        }
    }

    [Theory]
    [InlineData(HubCultures.English)]
    [InlineData(HubCultures.Arabic)]
    public async Task The_Start_Item_Is_The_Hub_Root_Named_By_Its_Segment_In_The_Requested_Language(string culture)
    {
        var item = await Api.ItemByIdAsync(SaveTheTigris.Key, culture);

        var startItem = item.GetProperty("route").GetProperty("startItem");
        Assert.Equal(Seed.Root.Key, startItem.GetProperty("id").GetGuid());
        Assert.Equal(SeedContent.Segment(Seed.Root.Name(culture)), startItem.GetProperty("path").GetString());
    }

    [Theory]
    [InlineData("ar", HubCultures.Arabic)]
    [InlineData("AR", HubCultures.Arabic)]
    [InlineData("en-US", HubCultures.English)]
    [InlineData("en-us", HubCultures.English)]
    public async Task Accept_Language_With_A_Culture_Of_The_Hub_Gives_That_Language_Ignoring_Case(string acceptLanguage, string served)
    {
        using var response = await Api.SendAsync(DeliveryApiClient.ItemByIdUrl(SaveTheTigris.Key), acceptLanguage);
        var item = await DeliveryApiClient.ReadJsonAsync(response, HttpStatusCode.OK);

        Assert.Equal(SaveTheTigris.Name(served), item.GetProperty("name").GetString());
    }

    /// <summary>Umbraco takes the header as one culture, with no negotiation: a list (with weights or not) is ignored.</summary>
    [Theory]
    [InlineData("fr-FR, ar;q=0.9, en-US;q=0.8")]
    [InlineData("ar,en-US")]
    public async Task Accept_Language_With_A_List_Of_Cultures_Gives_The_Default_Language(string acceptLanguage)
    {
        using var response = await Api.SendAsync(DeliveryApiClient.ItemByIdUrl(SaveTheTigris.Key), acceptLanguage);
        var item = await DeliveryApiClient.ReadJsonAsync(response, HttpStatusCode.OK);

        Assert.Equal(SaveTheTigris.Name(HubCultures.English), item.GetProperty("name").GetString());
    }

    /// <summary>No fallback to a parent culture or the default language: in a culture the hub does not have, nothing is found.</summary>
    [Theory]
    [InlineData("ar-IQ")]
    [InlineData("en")]
    [InlineData("fr-FR")]
    public async Task Accept_Language_With_A_Culture_The_Hub_Does_Not_Have_Is_Not_Found(string acceptLanguage)
    {
        using var response = await Api.SendAsync(DeliveryApiClient.ItemByIdUrl(SaveTheTigris.Key), acceptLanguage);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_Item_Is_Found_By_Its_Id()
    {
        var item = await Api.ItemByIdAsync(CallForParticipants.Key);

        Assert.Equal(CallForParticipants.Key, item.GetProperty("id").GetGuid());
        Assert.Equal(CallForParticipants.ContentType, item.GetProperty("contentType").GetString());
        Assert.Equal(Seed.RouteOf(CallForParticipants.Key, HubCultures.English), item.GetProperty("route").GetProperty("path").GetString());
    }

    [Fact]
    public async Task Items_By_Ids_Gives_The_Known_Items_And_Leaves_Out_Unknown_Ids()
    {
        Guid[] asked = [IcssiConference.Key, Guid.NewGuid(), SaveTheTigris.Key, Guid.NewGuid(), CallForParticipants.Key];

        using var response = await Api.SendAsync(DeliveryApiClient.ItemsUrl(asked));
        var items = await DeliveryApiClient.ReadJsonAsync(response, HttpStatusCode.OK);

        Assert.Equal(JsonValueKind.Array, items.ValueKind);
        Assert.Equal(
            new[] { IcssiConference.Key, SaveTheTigris.Key, CallForParticipants.Key }.Order(),
            items.EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Order());
        Assert.All(items.EnumerateArray(), i => Assert.True(i.TryGetProperty("cultures", out _), "Items by ids are full items, with cultures."));
    }

    /// <summary>
    /// With the output cache on (appsettings.json), ASP.NET Core's cache key builder sorts the request's own <c>id</c>
    /// values in place, and keys both orders alike; the plugin keeps the order asked, cached or not, as without the cache
    /// (<see cref="UncachedOrderTests"/>).
    /// </summary>
    [Fact]
    public async Task With_The_Output_Cache_On_Items_By_Ids_Still_Come_Back_In_The_Order_Asked()
    {
        Guid[] expected = [IcssiConference.Key, SaveTheTigris.Key, CallForParticipants.Key];
        Assert.NotEqual(expected.OrderBy(id => id.ToString("D"), StringComparer.Ordinal), expected);

        foreach (var order in new[] { expected, expected.Reverse().ToArray(), expected })
        {
            for (var ask = 0; ask < 2; ask++)
            {
                using var response = await Api.SendAsync(DeliveryApiClient.ItemsUrl(order));
                var items = await DeliveryApiClient.ReadJsonAsync(response, HttpStatusCode.OK);
                Assert.Equal(order, items.EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
            }
        }
    }

    [Fact]
    public async Task Items_By_Ids_Answers_In_Arabic_When_Asked()
    {
        using var response = await Api.SendAsync(DeliveryApiClient.ItemsUrl([SaveTheTigris.Key]), HubCultures.Arabic);
        var items = await DeliveryApiClient.ReadJsonAsync(response, HttpStatusCode.OK);

        Assert.Equal(SaveTheTigris.Name(HubCultures.Arabic), Assert.Single(items.EnumerateArray()).GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("/campaigns/no-such-campaign/")]
    [InlineData("/no-such-section/save-the-tigris/")]
    public async Task An_Unknown_Route_Is_Not_Found(string route)
    {
        using var response = await Api.SendAsync(DeliveryApiClient.ItemByPathUrl(route));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_Unknown_Id_Is_Not_Found()
    {
        using var response = await Api.SendAsync(DeliveryApiClient.ItemByIdUrl(Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_Item_Has_Umbracos_Fields_In_Umbracos_Order()
    {
        var item = await Api.ItemByIdAsync(SaveTheTigris.Key);

        Assert.Equal(
            ["contentType", "createDate", "updateDate", "route", "id", "name", "properties", "cultures"],
            item.EnumerateObject().Select(p => p.Name));
        Assert.Equal(SaveTheTigris.ContentType, item.GetProperty("contentType").GetString());
        Assert.Equal(JsonValueKind.Object, item.GetProperty("properties").ValueKind);
        Assert.Equal(JsonValueKind.Object, item.GetProperty("cultures").ValueKind);
    }

    [Fact]
    public async Task A_Route_Has_Path_Query_String_And_Start_Item()
    {
        var route = (await Api.ItemByIdAsync(SaveTheTigris.Key)).GetProperty("route");

        Assert.Equal(["path", "queryString", "startItem"], route.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, route.GetProperty("queryString").ValueKind);
        Assert.Equal(["id", "path"], route.GetProperty("startItem").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task The_Update_Date_Is_Iso_8601_In_Utc()
    {
        var item = await Api.ItemByIdAsync(SaveTheTigris.Key);

        Assert.Matches(IsoUtc, item.GetProperty("updateDate").GetString()!);
    }

    /// <summary>
    /// The uSync file's <c>CreateDate</c>, as Umbraco 18 serves it: without an offset (unlike <c>updateDate</c>, which it
    /// serves in UTC), even when the import gives Umbraco the date as UTC.
    /// </summary>
    [Fact]
    public async Task The_Create_Date_Is_The_Seeded_One_Without_An_Offset()
    {
        var item = await Api.ItemByIdAsync(SaveTheTigris.Key);

        Assert.Equal(SaveTheTigris.CreateDate.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), item.GetProperty("createDate").GetString());
    }

    [Fact]
    public async Task Rich_Text_Renders_As_Markup_And_Blocks()
    {
        var body = (await Api.ItemByIdAsync(SaveTheTigris.Key)).GetProperty("properties").GetProperty(HubContentTypes.Campaign.Body);

        Assert.Equal(JsonValueKind.Object, body.ValueKind);
        Assert.Equal(["markup", "blocks"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(SaveTheTigris.Markup(HubContentTypes.Campaign.Body, HubCultures.English), body.GetProperty("markup").GetString());
        Assert.Equal(JsonValueKind.Array, body.GetProperty("blocks").ValueKind);
    }

    [Fact]
    public async Task Rich_Text_In_Arabic_Is_The_Arabic_Markup()
    {
        var body = (await Api.ItemByIdAsync(SaveTheTigris.Key, HubCultures.Arabic)).GetProperty("properties").GetProperty(HubContentTypes.Campaign.Body);

        Assert.Equal(SaveTheTigris.Markup(HubContentTypes.Campaign.Body, HubCultures.Arabic), body.GetProperty("markup").GetString());
    }

    [Fact]
    public async Task A_Single_Choice_Dropdown_Renders_As_A_String()
    {
        var status = (await Api.ItemByIdAsync(SaveTheTigris.Key)).GetProperty("properties").GetProperty(HubContentTypes.Campaign.Status);

        var stored = JsonSerializer.Deserialize<string[]>(SaveTheTigris.Value(HubContentTypes.Campaign.Status)!)!;
        Assert.Equal(JsonValueKind.String, status.ValueKind);
        Assert.Equal(Assert.Single(stored), status.GetString());
        Assert.Equal("Active", status.GetString());
    }

    [Fact]
    public async Task An_Integer_Renders_As_A_Json_Number()
    {
        var displayOrder = (await Api.ItemByIdAsync(SaveTheTigris.Key)).GetProperty("properties").GetProperty(HubContentTypes.Campaign.DisplayOrder);

        Assert.Equal(JsonValueKind.Number, displayOrder.ValueKind);
        Assert.Equal(int.Parse(SaveTheTigris.Value(HubContentTypes.Campaign.DisplayOrder)!), displayOrder.GetInt32());
    }

    [Fact]
    public async Task Tags_Render_As_An_Array_Of_Strings()
    {
        var tags = (await Api.ItemByIdAsync(CallForParticipants.Key)).GetProperty("properties").GetProperty(HubContentTypes.CampaignNews.Tags);

        Assert.Equal(JsonValueKind.Array, tags.ValueKind);
        Assert.Equal(
            JsonSerializer.Deserialize<string[]>(CallForParticipants.Value(HubContentTypes.CampaignNews.Tags)!)!,
            tags.EnumerateArray().Select(t => t.GetString()));
    }

    [Theory]
    [InlineData(HubCultures.English)]
    [InlineData(HubCultures.Arabic)]
    public async Task The_Campaigns_Picker_Renders_The_Six_Campaigns_As_Shallow_References_With_Routes(string culture)
    {
        var picked = (await Api.ItemByIdAsync(CallForParticipants.Key, culture)).GetProperty("properties").GetProperty(HubContentTypes.CampaignNews.Campaigns);

        var expected = CallForParticipants.Picked(HubContentTypes.CampaignNews.Campaigns);
        Assert.Equal(6, expected.Count);
        Assert.Equal(JsonValueKind.Array, picked.ValueKind);
        Assert.Equal(expected, picked.EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
        Assert.All(picked.EnumerateArray(), reference =>
        {
            var campaign = Seed[reference.GetProperty("id").GetGuid()];
            Assert.Equal(HubContentTypes.Campaign.Alias, reference.GetProperty("contentType").GetString());
            Assert.Equal(campaign.Name(culture), reference.GetProperty("name").GetString());
            Assert.Equal(Seed.RouteOf(campaign.Key, culture), reference.GetProperty("route").GetProperty("path").GetString());
            Assert.Equal(Seed.Root.Key, reference.GetProperty("route").GetProperty("startItem").GetProperty("id").GetGuid());
            Assert.False(reference.TryGetProperty("cultures", out _), "A picked reference has no cultures.");
            Assert.Empty(reference.GetProperty("properties").EnumerateObject());
        });
    }

    [Fact]
    public async Task A_Conference_Start_Date_Renders_As_Its_Stored_Date_And_Time_Without_An_Offset()
    {
        var properties = (await Api.ItemByIdAsync(IcssiConference.Key)).GetProperty("properties");

        Assert.Equal(IcssiConference.Value(HubContentTypes.Conference.StartDate), properties.GetProperty(HubContentTypes.Conference.StartDate).GetString());
        Assert.Equal("2014-10-27T00:00:00", properties.GetProperty(HubContentTypes.Conference.StartDate).GetString());
        Assert.Equal(IcssiConference.Value(HubContentTypes.Conference.EndDate), properties.GetProperty(HubContentTypes.Conference.EndDate).GetString());
    }

    [Fact]
    public async Task A_True_False_Property_Renders_As_A_Json_Boolean()
    {
        var registrationOpen = (await Api.ItemByIdAsync(IcssiConference.Key)).GetProperty("properties").GetProperty(HubContentTypes.Conference.RegistrationOpen);

        Assert.Equal(IcssiConference.Value(HubContentTypes.Conference.RegistrationOpen) == "1", registrationOpen.GetBoolean());
    }

    [Fact]
    public async Task Properties_Without_A_Value_Are_Present_As_Null()
    {
        var properties = (await Api.ItemByIdAsync(SaveTheTigris.Key)).GetProperty("properties");

        Assert.Null(SaveTheTigris.Value(HubContentTypes.Campaign.Hashtag));
        Assert.Equal(JsonValueKind.Null, properties.GetProperty(HubContentTypes.Campaign.Hashtag).ValueKind);
    }
}
