using System.Net;

namespace IcssiCms.IntegrationTests.Delivery;

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

/// <summary><c>Umbraco:CMS:DeliveryApi:Enabled</c> false: the API is not there.</summary>
public sealed class DisabledDeliveryApiFixture : HubHostFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } =
        new Dictionary<string, string> { ["Umbraco:CMS:DeliveryApi:Enabled"] = "false" };
}

/// <summary><c>PublicAccess</c> false with an <c>ApiKey</c>: only requests with that key in <c>Api-Key</c> get content.</summary>
public sealed class PrivateDeliveryApiFixture : HubHostFixture
{
    public const string ApiKey = "front-end-key-7f3c";

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Umbraco:CMS:DeliveryApi:PublicAccess"] = "false",
        ["Umbraco:CMS:DeliveryApi:ApiKey"] = ApiKey,
    };
}

[Collection(DeliveryApiCollection.Name)]
public sealed class DisabledDeliveryApiTests(DisabledDeliveryApiFixture host) : IClassFixture<DisabledDeliveryApiFixture>
{
    [Theory]
    [MemberData(nameof(DeliveryEndpoints.All), MemberType = typeof(DeliveryEndpoints))]
    public async Task With_The_Delivery_Api_Disabled_Every_Endpoint_Is_Not_Found(string url)
    {
        using var response = await host.Api.SendAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task With_The_Delivery_Api_Disabled_An_Api_Key_Does_Not_Help()
    {
        using var response = await host.Api.SendAsync(DeliveryApiClient.QueryUrl(("fetch", "children:/campaigns/")), apiKey: PrivateDeliveryApiFixture.ApiKey);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

[Collection(DeliveryApiCollection.Name)]
public sealed class PrivateDeliveryApiTests(PrivateDeliveryApiFixture host) : IClassFixture<PrivateDeliveryApiFixture>
{
    [Theory]
    [MemberData(nameof(DeliveryEndpoints.All), MemberType = typeof(DeliveryEndpoints))]
    public async Task Without_Public_Access_A_Request_Without_An_Api_Key_Is_Unauthorized(string url)
    {
        using var response = await host.Api.SendAsync(url);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(DeliveryEndpoints.All), MemberType = typeof(DeliveryEndpoints))]
    public async Task Without_Public_Access_A_Request_With_The_Wrong_Api_Key_Is_Unauthorized(string url)
    {
        using var response = await host.Api.SendAsync(url, apiKey: PrivateDeliveryApiFixture.ApiKey + "-wrong");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(DeliveryEndpoints.All), MemberType = typeof(DeliveryEndpoints))]
    public async Task Without_Public_Access_A_Request_With_The_Api_Key_Gets_The_Content(string url)
    {
        using var response = await host.Api.SendAsync(url, apiKey: PrivateDeliveryApiFixture.ApiKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Save the Tigris", await response.Content.ReadAsStringAsync());
    }
}
