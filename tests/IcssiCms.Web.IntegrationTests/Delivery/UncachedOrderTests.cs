using System.Net;
using IcssiCms.Core.Schema;

namespace IcssiCms.Web.IntegrationTests.Delivery;

/// <summary>
/// What the output cache changes, on a site without it: several sorts apply in the order given, and items by ids come
/// back in the order asked.
/// </summary>
[Collection(PrivateApiSiteCollection.Name)]
public sealed class UncachedOrderTests(PrivateApiSite site)
{
    private static readonly SeedContent Seed = SeedContent.Hub;

    private DeliveryApiClient Api { get; } = new(site.CreateClient());

    [Fact]
    public async Task Without_The_Output_Cache_Several_Sorts_Apply_In_The_Order_Given()
    {
        var nameThenLevel = await QueryNamesAsync(("fetch", "descendants:/conferences/"), ("sort", "name:asc"), ("sort", "level:asc"), ("take", "100"));
        var levelThenName = await QueryNamesAsync(("fetch", "descendants:/conferences/"), ("sort", "level:asc"), ("sort", "name:asc"), ("take", "100"));

        var descendants = Seed.DescendantsOf(Seed.Named("Conferences").Key).ToList();
        Assert.Equal(
            descendants.OrderBy(i => i.Name(HubCultures.English).ToLowerInvariant(), StringComparer.Ordinal).Select(i => i.Name(HubCultures.English)),
            nameThenLevel);
        Assert.Equal(
            descendants.OrderBy(i => Seed.AncestorsOf(i.Key).Count()).ThenBy(i => i.Name(HubCultures.English).ToLowerInvariant(), StringComparer.Ordinal).Select(i => i.Name(HubCultures.English)),
            levelThenName);
    }

    [Fact]
    public async Task Without_The_Output_Cache_Items_By_Ids_Come_Back_In_The_Order_Asked()
    {
        Guid[] expected = [.. new[] { "ICSSI Conference 2014", "Save the Tigris", "Call for International Participants" }.Select(name => Seed.Named(name).Key)];
        Guid[] asked = [expected[0], Guid.NewGuid(), expected[1], expected[2]];
        Assert.NotEqual(expected.OrderBy(id => id.ToString("D"), StringComparer.Ordinal), expected);

        using var response = await Api.SendAsync(DeliveryApiClient.ItemsUrl(asked), apiKey: PrivateApiSite.ApiKey);
        var items = await DeliveryApiClient.ReadJsonAsync(response, HttpStatusCode.OK);

        Assert.Equal(expected, items.EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
    }

    private async Task<IReadOnlyList<string>> QueryNamesAsync(params (string Name, string Value)[] query)
    {
        using var response = await Api.SendAsync(DeliveryApiClient.QueryUrl(query), apiKey: PrivateApiSite.ApiKey);
        var page = await DeliveryApiClient.ReadJsonAsync(response, HttpStatusCode.OK);
        return [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!)];
    }
}
