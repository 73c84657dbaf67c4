using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using IcssiCms.Web.IntegrationTests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Services;

namespace IcssiCms.Web.IntegrationTests.Caching;

/// <summary>
/// Umbraco's output cache keeps Delivery API answers for a minute and evicts per item; the plugin makes every cached
/// answer that a publish, unpublish, move or delete affects go within a second.
/// </summary>
[Collection(ChangingSiteCollection.Name)]
public sealed class OutputCacheEvictionTests(ChangingSite site)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(1);
    private static readonly Guid SaveTheTigris = Guid.Parse("a9ff1064-cf1a-5661-b800-7b3fcfa41fa9");
    private const string NewsQuery = "/umbraco/delivery/api/v2/content?filter=contentType:campaignNews&take=100";

    private IContentService Content => site.Services.GetRequiredService<IContentService>();

    [Fact]
    public async Task A_Newly_Published_Item_Appears_In_A_Cached_Query_Within_A_Second()
    {
        var http = site.CreateClient();
        var before = await CachedNamesAsync(http, NewsQuery);

        var news = Publish(NewNews());

        var after = await FirstAnswerWithinAsync(http, NewsQuery, names => names.Contains(news.Name!));
        Assert.Contains(news.Name!, after);
        Assert.Equal(before.Count + 1, after.Count);
        Assert.Contains(news.Name!, await NamesAsync(http, NewsQuery));
    }

    [Fact]
    public async Task An_Unpublished_Item_Leaves_A_Cached_Query_Within_A_Second()
    {
        var http = site.CreateClient();
        var news = Publish(NewNews());
        await SettledAsync(http, NewsQuery, names => names.Contains(news.Name!));

        Assert.True(Content.Unpublish(Content.GetById(news.Key)!, "*").Success);

        Assert.DoesNotContain(news.Name!, await FirstAnswerWithinAsync(http, NewsQuery, names => !names.Contains(news.Name!)));
    }

    [Fact]
    public async Task A_Moved_Item_Leaves_Its_Old_Parent_And_Joins_Its_New_One_Within_A_Second()
    {
        var http = site.CreateClient();
        var news = Publish(NewNews());
        var oldChildren = $"/umbraco/delivery/api/v2/content?fetch=children:{SaveTheTigris:D}";
        var womensRights = Guid.Parse(SeedKey("womens-rights"));
        var newChildren = $"/umbraco/delivery/api/v2/content?fetch=children:{womensRights:D}";
        await SettledAsync(http, oldChildren, names => names.Contains(news.Name!));
        await CachedNamesAsync(http, newChildren);

        Assert.True(Content.Move(Content.GetById(news.Key)!, Content.GetById(womensRights)!.Id).Success);

        Assert.DoesNotContain(news.Name!, await FirstAnswerWithinAsync(http, oldChildren, names => !names.Contains(news.Name!)));
        Assert.Contains(news.Name!, await FirstAnswerWithinAsync(http, newChildren, names => names.Contains(news.Name!)));
    }

    [Fact]
    public async Task A_Deleted_Item_Leaves_A_Cached_Query_Within_A_Second()
    {
        var http = site.CreateClient();
        var news = Publish(NewNews());
        await SettledAsync(http, NewsQuery, names => names.Contains(news.Name!));

        Assert.True(Content.Delete(Content.GetById(news.Key)!).Success);

        Assert.DoesNotContain(news.Name!, await FirstAnswerWithinAsync(http, NewsQuery, names => !names.Contains(news.Name!)));
    }

    private IContent NewNews()
    {
        var news = Content.Create("Tigris news " + Guid.NewGuid().ToString("N")[..8], SaveTheTigris, "campaignNews");
        news.SetCultureName(news.Name, "en-US");
        news.SetValue("headline", "A headline", "en-US");
        news.SetValue("campaigns", $"umb://document/{SaveTheTigris:N}");
        return news;
    }

    private IContent Publish(IContent content)
    {
        Assert.True(Content.SaveAndPublish(content, ["en-US"]).Success);
        return content;
    }

    private static string SeedKey(string file) =>
        System.Xml.Linq.XDocument.Load(Path.Combine(HubSite.RepositoryUsyncFolder, "Content", file + ".config")).Root!.Attribute("Key")!.Value;

    /// <summary>Asks twice, so that the second answer comes from the output cache (it carries an Age header).</summary>
    private static async Task<IReadOnlyList<string>> CachedNamesAsync(HttpClient http, string url)
    {
        var names = await NamesAsync(http, url);
        using var cached = await http.GetAsync(url);
        Assert.NotNull(cached.Headers.Age);
        return names;
    }

    /// <summary>
    /// Before the change a test measures: waits (up to ten seconds, the time a first index write after a start may take)
    /// until the answer is as expected, then makes sure the answer is in the cache.
    /// </summary>
    private static async Task SettledAsync(HttpClient http, string url, Func<IReadOnlyList<string>, bool> expected)
    {
        Assert.True(expected(await FirstAnswerWithinAsync(http, url, expected, TimeSpan.FromSeconds(10))));
        await CachedNamesAsync(http, url);
    }

    /// <summary>Asks until the answer is as expected or the time (a second by default) has passed since the change; the last answer either way.</summary>
    private static async Task<IReadOnlyList<string>> FirstAnswerWithinAsync(
        HttpClient http, string url, Func<IReadOnlyList<string>, bool> expected, TimeSpan? within = null)
    {
        var clock = Stopwatch.StartNew();
        IReadOnlyList<string> names;
        do
        {
            names = await NamesAsync(http, url);
        }
        while (!expected(names) && clock.Elapsed < (within ?? Within));

        return names;
    }

    private static async Task<IReadOnlyList<string>> NamesAsync(HttpClient http, string url)
    {
        var json = await http.GetFromJsonAsync<JsonElement>(url);
        return json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();
    }
}
