using IcssiCms.Core.Schema;
using IcssiCms.Web.IntegrationTests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Umbraco.Cms.Core.Services;

namespace IcssiCms.Web.IntegrationTests.Delivery;

/// <summary>
/// Newest news first, in each language the news is published in; news without a publish date (as the seed's is) comes
/// last. The seed has one dated item at most, so these tests publish their own and delete them after.
/// </summary>
[Collection(ChangingSiteCollection.Name)]
public sealed class PublishDateSortTests(ChangingSite site) : IDisposable
{
    private static readonly Guid Conference2014 = Guid.Parse("c7da7b3f-0469-5b99-86fc-1c81d44d5732");
    private static readonly Guid SaveTheTigris = Guid.Parse("a9ff1064-cf1a-5661-b800-7b3fcfa41fa9");

    private readonly List<Guid> _published = [];

    private IContentService Content => site.Services.GetRequiredService<IContentService>();

    private DeliveryApiClient Api { get; } = new(site.CreateClient());

    [Fact]
    public async Task News_Sorted_By_Publish_Date_Comes_Newest_First_And_Undated_Last_In_Each_Language()
    {
        var october = PublishNews("Sort test: October", new DateTime(2014, 10, 27, 9, 0, 0));
        var september = PublishNews("Sort test: September", new DateTime(2014, 9, 1, 12, 0, 0));
        var november = PublishNews("Sort test: November", new DateTime(2014, 11, 3, 8, 30, 0));
        Guid[] dated = [november, october, september];

        foreach (var culture in new[] { HubCultures.English, HubCultures.Arabic })
        {
            var newestFirst = await NewsIdsAsync(culture, dated, "publishDate:desc");
            Assert.Equal(dated, newestFirst.Take(3));

            var oldestFirst = await NewsIdsAsync(culture, dated, "publishDate:asc");
            Assert.Equal(dated.Reverse(), oldestFirst.Where(dated.Contains));
            Assert.DoesNotContain(oldestFirst[^1], dated);
        }
    }

    public void Dispose()
    {
        foreach (var key in _published)
        {
            if (Content.GetById(key) is { } item)
            {
                Content.Delete(item);
            }
        }
    }

    private Guid PublishNews(string name, DateTime publishDate)
    {
        var item = NewsItems.Create(Content, Conference2014, [(HubCultures.English, $"{name} ({HubCultures.English})"), (HubCultures.Arabic, $"{name} ({HubCultures.Arabic})")], SaveTheTigris);
        item.SetValue(HubContentTypes.CampaignNews.PublishDate, publishDate);
        var result = Content.SaveAndPublish(item, [HubCultures.English, HubCultures.Arabic]);
        Assert.True(result.Success, $"{name}: {result.Result}");
        _published.Add(item.Key);
        return item.Key;
    }

    /// <summary>The news in a language, once the Delivery API's index has the given items (it indexes a publish a moment after it).</summary>
    private async Task<IReadOnlyList<Guid>> NewsIdsAsync(string culture, Guid[] including, string sort)
    {
        (string, string)[] query = [("filter", "contentType:" + HubContentTypes.CampaignNews.Alias), ("take", "100"), ("sort", sort)];
        var page = await Api.QueryUntilAsync(page => including.All(page.Ids.Contains), culture, query);
        return page.Ids;
    }
}
