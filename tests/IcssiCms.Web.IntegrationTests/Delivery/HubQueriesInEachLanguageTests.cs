using System.Globalization;
using IcssiCms.Core.Schema;
using IcssiCms.Web.IntegrationTests.Hosting;

namespace IcssiCms.Web.IntegrationTests.Delivery;

/// <summary>
/// Every filter and sort the plugin adds answers in Arabic as in English: the same items (what they compare is the
/// same in both languages: a campaign's segment, an event's dates, a news item's publish date), in the order the sort
/// asks, each named in the language asked for.
/// </summary>
[Collection(SeededSiteCollection.Name)]
public sealed class HubQueriesInEachLanguageTests(HubSite site)
{
    private DeliveryApiClient Api { get; } = new(site.CreateClient());

    public static TheoryData<string> Filters { get; } =
    [
        "campaign:save-the-tigris",
        "campaign:!save-the-tigris",
        "upcoming:false",
        "eventDate:2014-10-27",
        "eventDate>:2014-10-29",
        "eventDate<2014-10-30",
    ];

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task A_Hub_Filter_Finds_The_Same_Items_In_Arabic_As_In_English(string filter)
    {
        var english = await Api.QueryAllAsync(HubCultures.English, ("filter", filter));
        var arabic = await Api.QueryAllAsync(HubCultures.Arabic, ("filter", filter));

        Assert.NotEmpty(english.Ids);
        Assert.Equal(english.Ids.Order(), arabic.Ids.Order());
        Assert.Equal(arabic.Ids.Select(id => SeedContent.Hub[id].Name(HubCultures.Arabic)), arabic.Names);
    }

    [Theory]
    [InlineData("eventDate:asc", "startDate", false)]
    [InlineData("eventDate:desc", "startDate", true)]
    public async Task A_Hub_Sort_Orders_The_Items_Alike_In_Arabic_And_English(string sort, string property, bool descending)
    {
        const string filter = "contentType:conference,conferenceSession";
        foreach (var culture in new[] { HubCultures.English, HubCultures.Arabic })
        {
            var page = await Api.QueryAllAsync(culture, ("filter", filter), ("sort", sort));
            var dates = page.Ids.Select(id => DateTime.Parse(SeedContent.Hub[id].Value(property)!, CultureInfo.InvariantCulture)).ToList();

            Assert.NotEmpty(dates);
            Assert.Equal(descending ? dates.OrderDescending() : dates.Order(), dates);
            Assert.Equal(page.Ids.Select(id => SeedContent.Hub[id].Name(culture)), page.Names);
        }
    }
}
