using System.Net;
using IcssiCms.Core.Schema;
using IcssiCms.Web.IntegrationTests.Hosting;

namespace IcssiCms.Web.IntegrationTests.Delivery;

/// <summary>The hub as appsettings.json has it: Umbraco's output cache on for public answers.</summary>
[Collection(SeededSiteCollection.Name)]
public sealed class OutputCacheTests(HubSite site)
{
    private static readonly SeedItem Tigris = SeedContent.Hub.Named("Save the Tigris");

    private DeliveryApiClient Api { get; } = new(site.CreateClient());

    [Fact]
    public async Task The_Cache_Keeps_One_Answer_Per_Language()
    {
        // A URL no other test asks for, so that the first English answer is not cached yet.
        var url = DeliveryApiClient.ItemByIdUrl(Tigris.Key) + "?fields=properties[title]";

        var english = await NameAsync(url, HubCultures.English);
        var arabic = await NameAsync(url, HubCultures.Arabic);
        var englishAgain = await NameAsync(url, HubCultures.English);

        Assert.Equal((Tigris.Name(HubCultures.English), false), english);
        Assert.Equal((Tigris.Name(HubCultures.Arabic), false), arabic);
        Assert.Equal((Tigris.Name(HubCultures.English), true), englishAgain);
    }

    /// <summary>The item's name, and whether the output cache served it (ASP.NET Core's output cache adds an <c>Age</c> header).</summary>
    private async Task<(string Name, bool FromCache)> NameAsync(string url, string culture)
    {
        using var response = await Api.SendAsync(url, culture);
        var item = await DeliveryApiClient.ReadJsonAsync(response, HttpStatusCode.OK);
        return (item.GetProperty("name").GetString()!, response.Headers.Age is not null);
    }
}
