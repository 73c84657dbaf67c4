using System.Net;

namespace IcssiCms.Web.IntegrationTests.Delivery;

/// <summary>The Delivery API's endpoints, one of each, as a front end calls them.</summary>
public static class DeliveryEndpoints
{
    private static readonly Guid SaveTheTigris = SeedContent.Hub.Named("Save the Tigris").Key;

    public static TheoryData<string> All => new()
    {
        DeliveryApiClient.QueryUrl(("fetch", "children:/campaigns/")),
        DeliveryApiClient.ItemByPathUrl("/campaigns/save-the-tigris/"),
        DeliveryApiClient.ItemByIdUrl(SaveTheTigris),
        DeliveryApiClient.ItemsUrl([SaveTheTigris]),
    };
}

/// <summary>Umbraco keeps the Delivery API's routes when it is disabled and refuses every request: 401, not 404.</summary>
[Collection(DisabledApiSiteCollection.Name)]
public sealed class DisabledDeliveryApiTests(DisabledApiSite site)
{
    private DeliveryApiClient Api { get; } = new(site.CreateClient());

    [Theory]
    [MemberData(nameof(DeliveryEndpoints.All), MemberType = typeof(DeliveryEndpoints))]
    public async Task With_The_Delivery_Api_Disabled_Every_Endpoint_Is_Unauthorized(string url)
    {
        using var response = await Api.SendAsync(url);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("Save the Tigris", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task With_The_Delivery_Api_Disabled_An_Api_Key_Does_Not_Help()
    {
        using var response = await Api.SendAsync(DeliveryApiClient.QueryUrl(("fetch", "children:/campaigns/")), apiKey: DisabledApiSite.ApiKey);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

[Collection(PrivateApiSiteCollection.Name)]
public sealed class PrivateDeliveryApiTests(PrivateApiSite site)
{
    private DeliveryApiClient Api { get; } = new(site.CreateClient());

    [Theory]
    [MemberData(nameof(DeliveryEndpoints.All), MemberType = typeof(DeliveryEndpoints))]
    public async Task Without_Public_Access_A_Request_Without_An_Api_Key_Is_Unauthorized(string url)
    {
        using var response = await Api.SendAsync(url);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(DeliveryEndpoints.All), MemberType = typeof(DeliveryEndpoints))]
    public async Task Without_Public_Access_A_Request_With_The_Wrong_Api_Key_Is_Unauthorized(string url)
    {
        using var response = await Api.SendAsync(url, apiKey: PrivateApiSite.ApiKey + "-wrong");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(DeliveryEndpoints.All), MemberType = typeof(DeliveryEndpoints))]
    public async Task Without_Public_Access_A_Request_With_The_Api_Key_Gets_The_Content(string url)
    {
        using var response = await Api.SendAsync(url, apiKey: PrivateApiSite.ApiKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Save the Tigris", await response.Content.ReadAsStringAsync());
    }
}
