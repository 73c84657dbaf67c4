using System.Text.RegularExpressions;
using IcssiCms.Core.Schema;

namespace IcssiCms.IntegrationTests.Delivery;

/// <summary>
/// Free-text search (<c>filter=search:</c>) on the embedded host. The rest of the query endpoint's tests run against
/// the real Umbraco site, in IcssiCms.Web.IntegrationTests.
/// </summary>
[Collection(DeliveryApiCollection.Name)]
public sealed class ContentQueryTests(SeededHubFixture hub)
{
    private static readonly SeedContent Seed = SeedContent.Hub;
    private static readonly SeedItem SaveTheTigris = Seed.Named("Save the Tigris");

    private DeliveryApiClient Api => hub.Api;

    [Fact]
    public async Task Two_Filters_Must_Both_Match()
    {
        var campaigns = await Api.QueryAllAsync(("filter", "contentType:campaign"));
        var tigris = await Api.QueryAllAsync(("filter", "search:tigris"));
        var both = await Api.QueryAllAsync(("filter", "contentType:campaign"), ("filter", "search:tigris"));

        Assert.Equal(campaigns.Ids.Intersect(tigris.Ids).Order(), both.Ids.Order());
        Assert.Equal([SaveTheTigris.Key], both.Ids);
        Assert.True(both.Total < campaigns.Total && both.Total < tigris.Total, "Each filter alone matches more than both together.");
    }

    [Fact]
    public async Task Search_Finds_Tigris_In_English_Names_And_Texts()
    {
        var page = await Api.QueryAllAsync(("filter", "search:tigris"));

        Assert.Equal(ItemsWithWord(HubCultures.English, "tigris"), page.Ids.Order());
        Assert.Contains(SaveTheTigris.Key, page.Ids);
    }

    [Fact]
    public async Task Search_In_Arabic_Finds_The_Arabic_Word_For_Tigris()
    {
        const string tigris = "دجلة";
        Assert.Contains(tigris, SaveTheTigris.Name(HubCultures.Arabic));

        var page = await Api.QueryAllAsync(HubCultures.Arabic, ("filter", $"search:{tigris}"));

        Assert.Equal(ItemsWithWord(HubCultures.Arabic, tigris), page.Ids.Order());
        Assert.Contains(SaveTheTigris.Name(HubCultures.Arabic), page.Names);
    }

    [Fact]
    public async Task Search_In_English_Does_Not_Find_Words_That_Only_The_Arabic_Text_Has()
    {
        const string tigris = "دجلة";
        Assert.NotEmpty(ItemsWithWord(HubCultures.Arabic, tigris));

        var page = await Api.QueryAllAsync(HubCultures.English, ("filter", $"search:{tigris}"));

        Assert.Equal(ItemsWithWord(HubCultures.English, tigris), page.Ids.Order());
        Assert.Equal(0, page.Total);
    }

    [Fact]
    public async Task Search_With_Two_Words_Needs_Both()
    {
        var tigris = await Api.QueryAllAsync(("filter", "search:tigris"));
        var both = await Api.QueryAllAsync(("filter", "search:tigris oslo"));

        Assert.Equal(
            tigris.Ids.Where(id => ContainsWord(Seed[id].TextIn(HubCultures.English), "oslo")).Order(),
            both.Ids.Order());
    }

    private static IOrderedEnumerable<Guid> ItemsWithWord(string culture, string word) =>
        Seed.PublishedIn(culture).Where(i => ContainsWord(i.TextIn(culture), word)).Select(i => i.Key).Order();

    private static bool ContainsWord(string text, string word) =>
        Regex.IsMatch(text, $@"(?<![\p{{L}}\p{{M}}]){Regex.Escape(word)}(?![\p{{L}}\p{{M}}])", RegexOptions.IgnoreCase);
}
