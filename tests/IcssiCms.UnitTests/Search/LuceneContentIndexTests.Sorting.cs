using Umbraco.Cms.Core.DeliveryApi;
using static IcssiCms.UnitTests.Search.SearchSamples;
using Direction = Umbraco.Cms.Core.Direction;

namespace IcssiCms.UnitTests.Search;

/// <summary>The order of results and paging through them.</summary>
public sealed partial class LuceneContentIndexTests
{
    [Fact]
    public void Can_Sort_By_Date_Ascending_And_Descending()
    {
        var opening = new DateTime(2014, 10, 28, 9, 0, 0, DateTimeKind.Utc);
        var events = Enumerable.Range(0, 5).Select(day => (Key: Guid.NewGuid(), Start: opening.AddDays((day * 3) % 5))).ToList();
        _index.Index(events.Select(e => Doc(e.Key, null, (EventDate, e.Start))));

        var ascending = _index.Search(Query(sorts: [Sort(EventDate, Direction.Ascending)]));
        var descending = _index.Search(Query(sorts: [Sort(EventDate, Direction.Descending)]));

        Assert.Equal(events.OrderBy(e => e.Start).Select(e => e.Key), ascending.Keys);
        Assert.Equal(events.OrderByDescending(e => e.Start).Select(e => e.Key), descending.Keys);
    }

    [Fact]
    public void Items_Without_The_Sorted_Field_Come_Last_Either_Way()
    {
        var early = Guid.NewGuid();
        var late = Guid.NewGuid();
        var undated = Guid.NewGuid();
        _index.Index(
        [
            Doc(undated, null, (Campaign, "save-the-tigris")),
            Doc(late, null, (EventDate, new DateTime(2015, 1, 1, 0, 0, 0, DateTimeKind.Utc))),
            Doc(early, null, (EventDate, new DateTime(2014, 1, 1, 0, 0, 0, DateTimeKind.Utc))),
        ]);

        Assert.Equal([early, late, undated], _index.Search(Query(sorts: [Sort(EventDate, Direction.Ascending)])).Keys);
        Assert.Equal([late, early, undated], _index.Search(Query(sorts: [Sort(EventDate, Direction.Descending)])).Keys);
    }

    [Fact]
    public void Can_Sort_By_A_Sortable_Name_Ignoring_Case()
    {
        var names = new[] { "tigris dams", "Euphrates", "marshes of the south", "Basra water", "Zab rivers" };
        var items = names.Select(name => (Key: Guid.NewGuid(), Name: name)).ToList();
        _index.Index(items.Select(item => Doc(item.Key, English, (Name, item.Name))));

        var page = _index.Search(Query(English, sorts: [Sort(Name, Direction.Ascending)]));

        Assert.Equal(items.OrderBy(item => item.Name, StringComparer.OrdinalIgnoreCase).Select(item => item.Key), page.Keys);
    }

    [Fact]
    public void Can_Sort_By_Numbers_As_Numbers()
    {
        var capacities = new object[] { 1200, 80.5, 9, 250L, "1000" };
        var items = capacities.Select(capacity => (Key: Guid.NewGuid(), Capacity: capacity)).ToList();
        _index.Index(items.Select(item => Doc(item.Key, null, (Capacity, item.Capacity))));

        var page = _index.Search(Query(sorts: [Sort(Capacity, Direction.Descending)]));

        var expected = items.OrderByDescending(item => Convert.ToDouble(item.Capacity, System.Globalization.CultureInfo.InvariantCulture)).Select(item => item.Key);
        Assert.Equal(expected, page.Keys);
    }

    [Fact]
    public void A_Later_Sort_Orders_Items_The_Earlier_One_Ties()
    {
        var day = new DateTime(2014, 10, 28, 0, 0, 0, DateTimeKind.Utc);
        var items = new[] { ("Opening", day), ("Closing", day.AddDays(1)), ("Keynote", day), ("Dinner", day.AddDays(1)) }
            .Select(item => (Key: Guid.NewGuid(), Name: item.Item1, Date: item.Item2))
            .ToList();
        _index.Index(items.Select(item => Doc(item.Key, English, (Name, item.Name), (EventDate, item.Date))));

        var page = _index.Search(Query(English, sorts: [Sort(EventDate, Direction.Descending), Sort(Name, Direction.Ascending)]));

        var expected = items.OrderByDescending(item => item.Date).ThenBy(item => item.Name, StringComparer.OrdinalIgnoreCase).Select(item => item.Key);
        Assert.Equal(expected, page.Keys);
    }

    [Fact]
    public void Without_A_Sort_Equally_Relevant_Items_Come_In_Key_Order()
    {
        var keys = Enumerable.Range(0, 8).Select(_ => Guid.NewGuid()).ToList();
        _index.Index(keys.Select(key => Doc(key, null, (Campaign, "save-the-tigris"))));

        var page = _index.Search(Filtered(null, Filter(Campaign, FilterOperation.Is, "save-the-tigris")));

        Assert.Equal(keys.OrderBy(key => key.ToString(), StringComparer.Ordinal), page.Keys);
    }

    [Fact]
    public void Without_A_Sort_The_Most_Relevant_Text_Comes_First()
    {
        var passing = Guid.NewGuid();
        var about = Guid.NewGuid();
        _index.Index(
        [
            Doc(passing, English, (SearchText, "A conference on water in Baghdad, Basra, Mosul and Erbil, with a session on the Tigris among many others")),
            Doc(about, English, (SearchText, "Tigris, Tigris, Tigris")),
        ]);

        var page = _index.Search(Filtered(English, Filter(SearchText, FilterOperation.Contains, "tigris")));

        Assert.Equal([about, passing], page.Keys);
    }

    [Fact]
    public void Can_Page_Through_Matches_With_The_Total()
    {
        var start = new DateTime(2014, 10, 28, 0, 0, 0, DateTimeKind.Utc);
        var sessions = Enumerable.Range(0, 7).Select(hour => (Key: Guid.NewGuid(), Start: start.AddHours(hour))).ToList();
        _index.Index(sessions.Select(s => Doc(s.Key, null, (EventDate, s.Start), (ContentType, "conferenceSession"))));
        _index.Index([Doc(Guid.NewGuid(), null, (ContentType, "conference"))]);
        var filter = Filter(ContentType, FilterOperation.Is, "conferenceSession");

        var pages = Enumerable.Range(0, 3)
            .Select(page => _index.Search(Query(filters: [filter], sorts: [Sort(EventDate, Direction.Ascending)], skip: page * 3, take: 3)))
            .ToList();

        Assert.All(pages, page => Assert.Equal(sessions.Count, page.Total));
        Assert.Equal([3, 3, 1], pages.Select(page => page.Keys.Count));
        Assert.Equal(sessions.OrderBy(s => s.Start).Select(s => s.Key), pages.SelectMany(page => page.Keys));
    }

    [Fact]
    public void Can_Count_Matches_Without_Taking_Any()
    {
        var keys = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToList();
        _index.Index(keys.Select(key => Doc(key, null, (Campaign, "save-the-tigris"))));

        var page = _index.Search(Query(take: 0));

        Assert.Empty(page.Keys);
        Assert.Equal(keys.Count, page.Total);
    }

    [Fact]
    public void Skipping_Past_The_Matches_Gives_An_Empty_Page_With_The_Total()
    {
        var keys = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();
        _index.Index(keys.Select(key => Doc(key, null, (Campaign, "save-the-tigris"))));

        var page = _index.Search(Query(skip: 10, take: 10));

        Assert.Empty(page.Keys);
        Assert.Equal(keys.Count, page.Total);
    }
}
