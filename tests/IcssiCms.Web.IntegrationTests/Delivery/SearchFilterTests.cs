using System.Net.Http.Json;
using System.Text.Json;
using IcssiCms.Web.IntegrationTests.Hosting;

namespace IcssiCms.Web.IntegrationTests.Delivery;

/// <summary>
/// <c>filter=search:</c> on Umbraco's Delivery API: words are found with their language's analysis (Arabic with
/// Lucene's Arabic analyzer), an item matches when it has any of them, and the best matches come first.
/// </summary>
[Collection(SeededSiteCollection.Name)]
public sealed class SearchFilterTests(HubSite site)
{
    [Fact]
    public async Task An_English_Word_Finds_The_Items_That_Have_It_Best_Match_First()
    {
        var names = await SearchAsync("en-US", "Tigris");

        Assert.Equal("Save the Tigris", names[0]);
        Assert.All(names, name => Assert.DoesNotContain("Freedom", name));
    }

    [Fact]
    public async Task Any_Of_The_Words_Matches_And_Filters_Combine_For_Every_Word()
    {
        var either = await SearchAsync("en-US", "Tigris Kurdistan", "Tigris Oslo");
        var both = await SearchAsync("en-US", "Tigris", "Oslo");

        Assert.Contains("Save the Tigris", either);
        Assert.True(both.Count < (await SearchAsync("en-US", "Oslo")).Count);
        Assert.Contains("Save the Tigris", both);
    }

    [Theory]
    [InlineData("دجلة")]
    [InlineData("دجله")]
    [InlineData("النهر")]
    public async Task An_Arabic_Word_Is_Found_In_Its_Other_Forms(string word)
    {
        var names = await SearchAsync("ar", word);

        Assert.Contains("أنقذوا نهر دجلة", names);
    }

    [Fact]
    public async Task A_Search_Reads_The_Requests_Language_Only()
    {
        Assert.DoesNotContain("Save the Tigris", await SearchAsync("ar", "Tigris"));
        Assert.DoesNotContain("أنقذوا نهر دجلة", await SearchAsync("en-US", "دجلة"));
    }

    private async Task<List<string>> SearchAsync(string culture, params string[] words)
    {
        using var http = site.CreateClient();
        var query = string.Join('&', words.Select(w => "filter=" + Uri.EscapeDataString("search:" + w)));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/umbraco/delivery/api/v2/content?take=50&" + query);
        request.Headers.Add("Accept-Language", culture);
        using var response = await http.SendAsync(request);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();
    }
}
