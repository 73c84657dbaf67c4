using System.Globalization;
using System.Text.RegularExpressions;
using IcssiCms.Core.Schema;
using IcssiCms.Web.IntegrationTests.Hosting;

namespace IcssiCms.Web.IntegrationTests.Delivery;

/// <summary>The query endpoint: fetch, filter, sort and paging, against the seeded hub (free-text search is not here).</summary>
[Collection(SeededSiteCollection.Name)]
public sealed class ContentQueryTests(HubSite site)
{
    /// <summary>The six Iraqi Social Forum campaigns, in their seeded order: a contract with the front ends.</summary>
    private static readonly (string Route, string Name)[] Campaigns =
    [
        ("/campaigns/save-the-tigris/", "Save the Tigris"),
        ("/campaigns/freedom-of-expression/", "Freedom of Expression"),
        ("/campaigns/workers-rights/", "Workers' Rights"),
        ("/campaigns/womens-rights/", "Women's Rights"),
        ("/campaigns/sports-against-violence/", "Sports Against Violence"),
        ("/campaigns/stop-private-military-and-security-companies/", "Stop Private Military and Security Companies"),
    ];

    private static readonly SeedContent Seed = SeedContent.Hub;
    private static readonly SeedItem CampaignList = Seed.Named("Campaigns");
    private static readonly SeedItem SaveTheTigris = Seed.Named("Save the Tigris");
    private static readonly SeedItem CallForParticipants = Seed.Named("Call for International Participants");

    private DeliveryApiClient Api { get; } = new(site.CreateClient());

    // fetch

    [Fact]
    public async Task Children_Of_The_Campaigns_Route_Sorted_By_Sort_Order_Are_The_Six_Campaigns_In_Seed_Order()
    {
        var page = await Api.QueryAsync(("fetch", "children:/campaigns/"), ("sort", "sortOrder:asc"));

        Assert.Equal(Campaigns.Length, page.Total);
        Assert.Equal(Campaigns.Select(c => c.Route), page.Items.Select(i => i.GetProperty("route").GetProperty("path").GetString()));
        Assert.Equal(Campaigns.Select(c => c.Name), page.Names);
        Assert.Equal(Seed.ChildrenOf(CampaignList.Key).Select(c => c.Key), page.Ids);
    }

    [Fact]
    public async Task Children_Of_The_Campaigns_Id_Are_The_Same_Six_Campaigns()
    {
        var byPath = await Api.QueryAsync(("fetch", "children:/campaigns/"), ("sort", "sortOrder:asc"));
        var byId = await Api.QueryAsync(("fetch", $"children:{CampaignList.Key:D}"), ("sort", "sortOrder:asc"));

        Assert.Equal(byPath.Ids, byId.Ids);
        Assert.Equal(byPath.Total, byId.Total);
    }

    [Fact]
    public async Task Children_Of_The_Arabic_Campaigns_Route_In_Arabic_Are_The_Campaigns_With_Arabic_Names()
    {
        var arabicRoute = Seed.RouteOf(CampaignList.Key, HubCultures.Arabic);

        var page = await Api.QueryAsync(HubCultures.Arabic, ("fetch", $"children:{arabicRoute}"), ("sort", "sortOrder:asc"));

        var campaigns = Seed.ChildrenOf(CampaignList.Key);
        Assert.Equal(campaigns.Select(c => c.Key), page.Ids);
        Assert.Equal(campaigns.Select(c => c.Name(HubCultures.Arabic)), page.Names);
        Assert.Equal(campaigns.Select(c => Seed.RouteOf(c.Key, HubCultures.Arabic)), page.Items.Select(i => i.GetProperty("route").GetProperty("path").GetString()));
    }

    [Fact]
    public async Task Sort_Order_Descending_Reverses_The_Campaigns()
    {
        var page = await Api.QueryAsync(("fetch", "children:/campaigns/"), ("sort", "sortOrder:desc"));

        Assert.Equal(Campaigns.Select(c => c.Name).Reverse(), page.Names);
    }

    [Fact]
    public async Task Descendants_Of_The_Conferences_Route_Are_Everything_Below_It_Sessions_Included()
    {
        var conferences = Seed.Named("Conferences");

        var page = await Api.QueryAllAsync(("fetch", "descendants:/conferences/"));

        var expected = Seed.DescendantsOf(conferences.Key).ToList();
        Assert.Equal(expected.Count, page.Total);
        Assert.Equal(expected.Select(i => i.Key).Order(), page.Ids.Order());
        Assert.Contains(page.Items, i => i.GetProperty("contentType").GetString() == HubContentTypes.ConferenceSession.Alias);
        Assert.DoesNotContain(conferences.Key, page.Ids);
    }

    [Fact]
    public async Task Ancestors_Of_A_Campaign_Are_The_Campaigns_Page_And_The_Hub_Root()
    {
        var page = await Api.QueryAllAsync(("fetch", "ancestors:/campaigns/save-the-tigris/"));

        Assert.Equal(Seed.AncestorsOf(SaveTheTigris.Key).Select(i => i.Key).Order(), page.Ids.Order());
        Assert.Equal(new[] { CampaignList.Key, Seed.Root.Key }.Order(), page.Ids.Order());
    }

    [Fact]
    public async Task Ancestors_By_Id_Sorted_By_Level_Go_From_The_Root_Down()
    {
        var page = await Api.QueryAllAsync(("fetch", $"ancestors:{SaveTheTigris.Key:D}"), ("sort", "level:asc"));

        Assert.Equal(Seed.AncestorsOf(SaveTheTigris.Key).Reverse().Select(i => i.Key), page.Ids);
    }

    [Fact]
    public async Task Fetching_From_A_Route_That_Does_Not_Exist_Finds_Nothing()
    {
        var page = await Api.QueryAsync(("fetch", "children:/no-such-section/"));

        Assert.Equal(0, page.Total);
        Assert.Empty(page.Items);
    }

    // filter

    [Fact]
    public async Task A_Negated_Content_Type_Filter_Leaves_Out_The_Campaigns()
    {
        var page = await Api.QueryAllAsync(("filter", "contentType:!campaign"));

        var expected = Seed.PublishedIn(HubCultures.English).Where(i => i.ContentType != HubContentTypes.Campaign.Alias).ToList();
        Assert.Equal(expected.Count, page.Total);
        Assert.Equal(expected.Select(i => i.Key).Order(), page.Ids.Order());
        Assert.DoesNotContain(page.Items, i => i.GetProperty("contentType").GetString() == HubContentTypes.Campaign.Alias);
    }

    [Fact]
    public async Task A_Content_Type_Filter_With_Two_Types_Matches_Either()
    {
        var either = await Api.QueryAllAsync(("filter", "contentType:conference,conferenceSession"));
        var conferences = await Api.QueryAllAsync(("filter", "contentType:conference"));
        var sessions = await Api.QueryAllAsync(("filter", "contentType:conferenceSession"));

        var expected = Seed.OfType(HubContentTypes.Conference.Alias, HubContentTypes.ConferenceSession.Alias).Select(i => i.Key).Order();
        Assert.Equal(expected, either.Ids.Order());
        Assert.Equal(conferences.Ids.Concat(sessions.Ids).Order(), either.Ids.Order());
        Assert.NotEmpty(conferences.Ids);
        Assert.NotEmpty(sessions.Ids);
    }

    [Fact]
    public async Task Two_Filters_Must_Both_Match()
    {
        var events = await Api.QueryAllAsync(("filter", "contentType:conference,conferenceSession"));
        var named = await Api.QueryAllAsync(("filter", "name:Conference"));
        var both = await Api.QueryAllAsync(("filter", "contentType:conference,conferenceSession"), ("filter", "name:Conference"));

        var expected = Seed.OfType(HubContentTypes.Conference.Alias, HubContentTypes.ConferenceSession.Alias)
            .Where(i => i.Name(HubCultures.English).Contains("Conference", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(expected.Select(i => i.Key).Order(), both.Ids.Order());
        Assert.Equal(events.Ids.Intersect(named.Ids).Order(), both.Ids.Order());
        Assert.True(both.Total < events.Total && both.Total < named.Total, "Each filter alone matches more than both together.");
    }

    [Fact]
    public async Task The_Campaign_Filter_Finds_The_News_Of_A_Campaign_By_Its_Slug()
    {
        var page = await Api.QueryAllAsync(("filter", "campaign:save-the-tigris"));

        var expected = Seed.OfType(HubContentTypes.CampaignNews.Alias)
            .Where(n => n.Picked(HubContentTypes.CampaignNews.Campaigns).Contains(SaveTheTigris.Key))
            .Select(n => n.Key);
        Assert.Equal(expected.Order(), page.Ids.Order());
        Assert.Contains(CallForParticipants.Key, page.Ids);
    }

    [Fact]
    public async Task The_Campaign_Filter_Works_In_Arabic_With_The_English_Slug()
    {
        var page = await Api.QueryAllAsync(HubCultures.Arabic, ("filter", "campaign:save-the-tigris"));

        Assert.Contains(CallForParticipants.Key, page.Ids);
        Assert.Contains(CallForParticipants.Name(HubCultures.Arabic), page.Names);
    }

    [Fact]
    public async Task A_Negated_Campaign_Filter_Leaves_Out_The_News_Of_That_Campaign()
    {
        var page = await Api.QueryAllAsync(("filter", "campaign:!save-the-tigris"), ("filter", "contentType:campaignNews"));

        var expected = Seed.OfType(HubContentTypes.CampaignNews.Alias)
            .Where(n => !n.Picked(HubContentTypes.CampaignNews.Campaigns).Contains(SaveTheTigris.Key))
            .Select(n => n.Key);
        Assert.Equal(expected.Order(), page.Ids.Order());
        Assert.DoesNotContain(CallForParticipants.Key, page.Ids);
    }

    [Fact]
    public async Task Upcoming_False_Lists_Every_Event_Of_2014_And_Upcoming_True_None()
    {
        var events = Seed.Events.ToList();
        Assert.All(events, e => Assert.True(e.StartDate!.Value.Year < DateTime.UtcNow.Year, $"{e.Name(HubCultures.English)} is in the past."));

        var past = await Api.QueryAllAsync(("filter", "upcoming:false"));
        var upcoming = await Api.QueryAllAsync(("filter", "upcoming:true"));

        Assert.Equal(events.Select(e => e.Key).Order(), past.Ids.Order());
        Assert.Equal(6, past.Total);
        Assert.Equal(0, upcoming.Total);
        Assert.Empty(upcoming.Items);
    }

    /// <summary>
    /// Filters whose answer is the same whether an event's date is read in its own time zone or in UTC: every event
    /// here starts at midnight, and the Oslo conferences start at 23:00 UTC the evening before.
    /// </summary>
    [Theory]
    [InlineData("eventDate<2014-10-28")]
    [InlineData("eventDate<:2014-10-29")]
    [InlineData("eventDate:2014-10-28")]
    [InlineData("eventDate>2014-10-30")]
    [InlineData("eventDate>:2014-10-31")]
    public async Task An_Event_Date_Filter_Finds_The_Events_Starting_In_That_Range(string filter)
    {
        var page = await Api.QueryAllAsync(("filter", filter));

        var expected = EventsMatching(filter).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(e => e.Key).Order(), page.Ids.Order());
    }

    /// <summary>
    /// The Globalization Conference starts on 30 October 2014 in Oslo (its time zone): 29 October, 23:00 UTC. The
    /// filter reads "2014-10-30" as midnight UTC and the index holds the start in UTC, so the conference is missed
    /// (and the ICSSI conference, starting on 27 October in Oslo, is not "on" 27 October).
    /// </summary>
    [Theory]
    [InlineData("eventDate>:2014-10-30", new[] { "Globalization Conference 2014", "Hope for Peace and Development in Iraq: Meet the Iraqi Social Forum" })]
    [InlineData("eventDate:2014-10-27", new[] { "ICSSI Conference 2014", "Social Event" })]
    public async Task An_Event_Date_Filter_Takes_The_Date_As_The_Day_Of_The_Event_Where_It_Happens(string filter, string[] names)
    {
        var page = await Api.QueryAllAsync(("filter", filter));

        Assert.Equal(names.Order(), EventsMatching(filter).Select(e => e.Name(HubCultures.English)).Order());
        Assert.Equal(names.Order(), page.Names.Order());
    }

    [Theory]
    [InlineData("desc")]
    [InlineData("asc")]
    public async Task Sorting_By_Event_Date_Orders_The_Events_By_When_They_Start(string direction)
    {
        var page = await Api.QueryAllAsync(("filter", "contentType:conference,conferenceSession"), ("sort", $"eventDate:{direction}"));

        var starts = page.Items.Select(i => DateTime.Parse(i.GetProperty("properties").GetProperty("startDate").GetString()!, CultureInfo.InvariantCulture)).ToList();
        var ordered = direction == "desc" ? starts.OrderDescending() : starts.Order();
        Assert.Equal(Seed.Events.Count(), page.Total);
        Assert.Equal(ordered, starts);
        if (direction == "desc")
        {
            Assert.Equal(Seed.Events.MaxBy(e => e.StartDate)!.Key, page.Ids[0]);
        }
    }

    [Theory]
    [InlineData("Tigris")]
    [InlineData("tigris")]
    [InlineData("igri")]
    [InlineData("Conference")]
    public async Task The_Name_Filter_Finds_The_Names_That_Contain_The_Value_Ignoring_Case(string value)
    {
        var page = await Api.QueryAllAsync(("filter", $"name:{value}"));

        var expected = Seed.PublishedIn(HubCultures.English).Where(i => i.Name(HubCultures.English).Contains(value, StringComparison.OrdinalIgnoreCase));
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(i => i.Key).Order(), page.Ids.Order());
    }

    /// <summary>Umbraco's name filter is a "contains" that a space defeats: a value with a space finds nothing, even a whole name.</summary>
    [Theory]
    [InlineData("Save the Tigris")]
    [InlineData("save the tigris")]
    [InlineData("Save Tigris")]
    public async Task A_Name_Filter_With_A_Space_Finds_Nothing(string value)
    {
        var page = await Api.QueryAllAsync(("filter", $"name:{value}"));

        Assert.Equal(0, page.Total);
    }

    [Fact]
    public async Task The_Name_Filter_Takes_Either_Of_Values_Separated_By_Commas()
    {
        var page = await Api.QueryAllAsync(("filter", "name:Tigris,Rights"));

        var expected = Seed.PublishedIn(HubCultures.English)
            .Where(i => i.Name(HubCultures.English).Contains("Tigris", StringComparison.OrdinalIgnoreCase) || i.Name(HubCultures.English).Contains("Rights", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(expected.Select(i => i.Key).Order(), page.Ids.Order());
        Assert.Contains(SaveTheTigris.Key, page.Ids);
    }

    [Fact]
    public async Task A_Negated_Name_Filter_Leaves_Out_The_Names_That_Contain_The_Value()
    {
        var page = await Api.QueryAllAsync(("filter", "name:!Tigris"));

        var expected = Seed.PublishedIn(HubCultures.English).Where(i => !i.Name(HubCultures.English).Contains("Tigris", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(expected.Select(i => i.Key).Order(), page.Ids.Order());
        Assert.DoesNotContain(SaveTheTigris.Key, page.Ids);
    }

    [Fact]
    public async Task The_Name_Filter_In_Arabic_Matches_The_Arabic_Names()
    {
        const string tigris = "دجلة";
        Assert.Contains(tigris, SaveTheTigris.Name(HubCultures.Arabic));

        var arabic = await Api.QueryAllAsync(HubCultures.Arabic, ("filter", $"name:{tigris}"));
        var englishWordInArabic = await Api.QueryAllAsync(HubCultures.Arabic, ("filter", "name:Tigris"));

        Assert.Equal([SaveTheTigris.Key], arabic.Ids);
        Assert.Equal([SaveTheTigris.Name(HubCultures.Arabic)], arabic.Names);
        Assert.Equal(0, englishWordInArabic.Total);
    }

    [Fact]
    public async Task Create_Date_Filters_Compare_With_The_Seeded_Create_Dates()
    {
        var created = Seed.Items.Min(i => i.CreateDate);

        var onOrAfter = await Api.QueryAllAsync(("filter", $"createDate>:{created:yyyy-MM-dd}"));
        var before = await Api.QueryAllAsync(("filter", $"createDate<{created:yyyy-MM-dd}"));

        Assert.Equal(Seed.PublishedIn(HubCultures.English).Count(i => i.CreateDate >= created.Date), onOrAfter.Total);
        Assert.Equal(Seed.PublishedIn(HubCultures.English).Count(i => i.CreateDate < created.Date), before.Total);
    }

    // sort and paging

    [Fact]
    public async Task Sorting_By_Name_Orders_Alphabetically()
    {
        var page = await Api.QueryAsync(("fetch", "children:/campaigns/"), ("sort", "name:asc"));

        Assert.Equal(Campaigns.Select(c => c.Name).Order(StringComparer.OrdinalIgnoreCase), page.Names);
    }

    [Fact]
    public async Task Sorting_By_Level_Then_Name_Puts_The_Conferences_Before_Their_Sessions()
    {
        var page = await Api.QueryAllAsync(("fetch", "descendants:/conferences/"), ("sort", "level:asc"), ("sort", "name:asc"));

        var expected = Seed.DescendantsOf(Seed.Named("Conferences").Key)
            .OrderBy(i => Seed.AncestorsOf(i.Key).Count())
            .ThenBy(i => i.Name(HubCultures.English).ToLowerInvariant(), StringComparer.Ordinal);
        Assert.Equal(expected.Select(i => i.Name(HubCultures.English)), page.Names);
    }

    /// <summary>
    /// With the output cache on (appsettings.json), ASP.NET Core's cache key builder sorts the request's own
    /// <c>sort</c> values in place, and keys both orders alike; the plugin keeps the order given, cached or not.
    /// </summary>
    [Fact]
    public async Task With_The_Output_Cache_On_Several_Sorts_Still_Apply_In_The_Order_Given()
    {
        var descendants = Seed.DescendantsOf(Seed.Named("Conferences").Key).ToList();
        var byName = descendants.OrderBy(i => i.Name(HubCultures.English).ToLowerInvariant(), StringComparer.Ordinal).Select(i => i.Name(HubCultures.English)).ToList();
        var byLevelThenName = descendants.OrderBy(i => Seed.AncestorsOf(i.Key).Count())
            .ThenBy(i => i.Name(HubCultures.English).ToLowerInvariant(), StringComparer.Ordinal).Select(i => i.Name(HubCultures.English)).ToList();
        Assert.NotEqual(byName, byLevelThenName);

        for (var ask = 0; ask < 2; ask++)
        {
            Assert.Equal(byName, (await Api.QueryAllAsync(("fetch", "descendants:/conferences/"), ("sort", "name:asc"), ("sort", "level:asc"))).Names);
            Assert.Equal(byLevelThenName, (await Api.QueryAllAsync(("fetch", "descendants:/conferences/"), ("sort", "level:asc"), ("sort", "name:asc"))).Names);
        }
    }

    [Fact]
    public async Task A_Name_Sort_With_An_Unknown_Direction_Sorts_Descending()
    {
        var sideways = await Api.QueryAsync(("fetch", "children:/campaigns/"), ("sort", "name:sideways"));
        var descending = await Api.QueryAsync(("fetch", "children:/campaigns/"), ("sort", "name:desc"));

        Assert.Equal(Campaigns.Select(c => c.Name).Order(StringComparer.OrdinalIgnoreCase).Reverse(), sideways.Names);
        Assert.Equal(descending.Ids, sideways.Ids);
    }

    [Fact]
    public async Task Without_Take_A_Page_Holds_Ten_Items_And_The_Total_Counts_Them_All()
    {
        var page = await Api.QueryAsync();

        var published = Seed.PublishedIn(HubCultures.English).Count();
        Assert.True(published > 10, "The seed has more than a page of items.");
        Assert.Equal(published, page.Total);
        Assert.Equal(10, page.Items.Count);
    }

    [Fact]
    public async Task Paging_With_Skip_And_Take_Keeps_The_Total_And_Pages_Do_Not_Overlap()
    {
        const int take = 7;
        var all = await Api.QueryAllAsync(("sort", "name:asc"));

        var pages = new List<ContentPage>();
        for (var skip = 0; skip < all.Total; skip += take)
        {
            pages.Add(await Api.QueryAsync(("sort", "name:asc"), ("skip", skip.ToString(CultureInfo.InvariantCulture)), ("take", take.ToString(CultureInfo.InvariantCulture))));
        }

        Assert.True(pages.Count > 1);
        Assert.All(pages, p => Assert.Equal(all.Total, p.Total));
        Assert.All(pages.SkipLast(1), p => Assert.Equal(take, p.Items.Count));
        var paged = pages.SelectMany(p => p.Ids).ToList();
        Assert.Equal(paged.Count, paged.Distinct().Count());
        Assert.Equal(all.Ids, paged);
    }

    /// <summary>Lucene answers a page past the last match as empty, its total included, and Umbraco passes that on.</summary>
    [Fact]
    public async Task Skipping_To_The_End_Or_Past_It_Gives_No_Items_And_A_Total_Of_Zero()
    {
        var published = Seed.PublishedIn(HubCultures.English).Count();

        var last = await Api.QueryAsync(("skip", (published - 1).ToString(CultureInfo.InvariantCulture)));
        var end = await Api.QueryAsync(("skip", published.ToString(CultureInfo.InvariantCulture)));
        var past = await Api.QueryAsync(("skip", (published + 5).ToString(CultureInfo.InvariantCulture)));

        Assert.Equal(published, last.Total);
        Assert.Single(last.Items);
        Assert.All([end, past], page => Assert.Equal((0, 0), (page.Total, page.Items.Count)));
    }

    /// <summary>For the same reason a front end cannot count the matches with <c>take=0</c>: it takes one.</summary>
    [Fact]
    public async Task Take_Zero_Gives_No_Items_And_A_Total_Of_Zero()
    {
        var none = await Api.QueryAsync(("fetch", "children:/campaigns/"), ("take", "0"));
        var one = await Api.QueryAsync(("fetch", "children:/campaigns/"), ("take", "1"));

        Assert.Equal((0, 0), (none.Total, none.Items.Count));
        Assert.Equal(Campaigns.Length, one.Total);
    }

    private static IEnumerable<SeedItem> EventsMatching(string filter)
    {
        var match = Regex.Match(filter, "^eventDate(?<op>:!|>:|<:|:|>|<)(?<date>.+)$");
        var date = DateTime.Parse(match.Groups["date"].Value, CultureInfo.InvariantCulture);
        Func<DateTime, bool> test = match.Groups["op"].Value switch
        {
            ":" => start => start == date,
            ":!" => start => start != date,
            ">" => start => start > date,
            ">:" => start => start >= date,
            "<" => start => start < date,
            _ => start => start <= date,
        };

        return Seed.Events.Where(e => test(e.StartDate!.Value));
    }
}
