using IcssiCms.Search;
using Umbraco.Cms.Core.DeliveryApi;
using static IcssiCms.UnitTests.Search.SearchSamples;

namespace IcssiCms.UnitTests.Search;

/// <summary>Filters, selectors and the failures a Delivery API client sees; text, sorting and writing are in the partial files.</summary>
public sealed partial class LuceneContentIndexTests : IDisposable
{
    private readonly LuceneContentIndex _index = LuceneContentIndex.InMemory(Fields);

    public void Dispose() => _index.Dispose();

    [Fact]
    public void Can_Find_News_Of_A_Campaign_By_Raw_Value()
    {
        var tigrisNews = Guid.NewGuid();
        var marshesNews = Guid.NewGuid();
        _index.Index(
        [
            Doc(tigrisNews, null, (Campaign, "save-the-tigris"), (ContentType, "campaignNews")),
            Doc(marshesNews, null, (Campaign, "mesopotamian-marshes"), (ContentType, "campaignNews")),
        ]);

        AssertFound(_index.Search(Filtered(null, Filter(Campaign, FilterOperation.Is, "save-the-tigris"))), tigrisNews);
    }

    [Fact]
    public void Raw_Values_Are_Case_Sensitive()
    {
        var news = Guid.NewGuid();
        _index.Index([Doc(news, null, (Campaign, "save-the-tigris"))]);

        AssertFound(_index.Search(Filtered(null, Filter(Campaign, FilterOperation.Is, "Save-The-Tigris"))));
        AssertFound(_index.Search(Filtered(null, Filter(Campaign, FilterOperation.Is, "save-the-tigris"))), news);
    }

    [Fact]
    public void Can_Find_An_Item_By_Any_Of_Its_Raw_Values()
    {
        var sharedNews = Guid.NewGuid();
        _index.Index([Doc(sharedNews, null, (Campaign, "save-the-tigris"), (Campaign, "mesopotamian-marshes"))]);

        AssertFound(_index.Search(Filtered(null, Filter(Campaign, FilterOperation.Is, "mesopotamian-marshes"))), sharedNews);
    }

    [Fact]
    public void Several_Values_In_One_Filter_Match_Any_Of_Them()
    {
        var tigris = Guid.NewGuid();
        var marshes = Guid.NewGuid();
        var euphrates = Guid.NewGuid();
        _index.Index(
        [
            Doc(tigris, null, (Campaign, "save-the-tigris")),
            Doc(marshes, null, (Campaign, "mesopotamian-marshes")),
            Doc(euphrates, null, (Campaign, "euphrates")),
        ]);

        AssertFound(_index.Search(Filtered(null, Filter(Campaign, FilterOperation.Is, "save-the-tigris", "mesopotamian-marshes"))), tigris, marshes);
    }

    [Fact]
    public void Separate_Filters_Must_All_Match()
    {
        var tigrisNews = Guid.NewGuid();
        var tigrisEvent = Guid.NewGuid();
        var marshesNews = Guid.NewGuid();
        _index.Index(
        [
            Doc(tigrisNews, null, (Campaign, "save-the-tigris"), (ContentType, "campaignNews")),
            Doc(tigrisEvent, null, (Campaign, "save-the-tigris"), (ContentType, "conference")),
            Doc(marshesNews, null, (Campaign, "mesopotamian-marshes"), (ContentType, "campaignNews")),
        ]);

        var page = _index.Search(Filtered(
            null,
            Filter(Campaign, FilterOperation.Is, "save-the-tigris"),
            Filter(ContentType, FilterOperation.Is, "campaignNews")));

        AssertFound(page, tigrisNews);
    }

    [Fact]
    public void Can_Leave_Out_Items_With_IsNot()
    {
        var news = Guid.NewGuid();
        var conference = Guid.NewGuid();
        var session = Guid.NewGuid();
        var untyped = Guid.NewGuid();
        _index.Index(
        [
            Doc(news, null, (ContentType, "campaignNews")),
            Doc(conference, null, (ContentType, "conference")),
            Doc(session, null, (ContentType, "conferenceSession")),
            Doc(untyped, null),
        ]);

        var page = _index.Search(Filtered(null, Filter(ContentType, FilterOperation.IsNot, "conference", "conferenceSession")));

        AssertFound(page, news, untyped);
    }

    [Fact]
    public void Can_Find_Raw_Values_Containing_A_Part_Case_Sensitively()
    {
        var tigris = Guid.NewGuid();
        var marshes = Guid.NewGuid();
        _index.Index([Doc(tigris, null, (Campaign, "save-the-tigris")), Doc(marshes, null, (Campaign, "marshes*2025"))]);

        AssertFound(_index.Search(Filtered(null, Filter(Campaign, FilterOperation.Contains, "the-tig"))), tigris);
        AssertFound(_index.Search(Filtered(null, Filter(Campaign, FilterOperation.Contains, "THE-TIG"))));
        AssertFound(_index.Search(Filtered(null, Filter(Campaign, FilterOperation.Contains, "s*2"))), marshes);
        AssertFound(_index.Search(Filtered(null, Filter(Campaign, FilterOperation.DoesNotContain, "tigris"))), marshes);
    }

    [Fact]
    public void Multi_Word_Sortable_Values_Match_Exactly_And_Ignore_Case()
    {
        var saveTheTigris = Guid.NewGuid();
        var tigris = Guid.NewGuid();
        _index.Index([Doc(saveTheTigris, English, (Name, "Save the Tigris")), Doc(tigris, English, (Name, "Tigris"))]);

        AssertFound(_index.Search(Filtered(English, Filter(Name, FilterOperation.Is, "save the TIGRIS"))), saveTheTigris);
        AssertFound(_index.Search(Filtered(English, Filter(Name, FilterOperation.Is, "Tigris"))), tigris);
        AssertFound(_index.Search(Filtered(English, Filter(Name, FilterOperation.Is, "Save the"))));
        AssertFound(_index.Search(Filtered(English, Filter(Name, FilterOperation.IsNot, "save the tigris"))), tigris);
    }

    [Fact]
    public void Can_Filter_Dates_After_One_Instant_And_Up_To_Another()
    {
        var opening = new DateTime(2014, 10, 28, 9, 0, 0, DateTimeKind.Utc);
        var before = Guid.NewGuid();
        var first = Guid.NewGuid();
        var last = Guid.NewGuid();
        var after = Guid.NewGuid();
        _index.Index(
        [
            Doc(before, null, (EventDate, opening.AddDays(-1))),
            Doc(first, null, (EventDate, opening.AddDays(1))),
            Doc(last, null, (EventDate, opening.AddDays(3))),
            Doc(after, null, (EventDate, opening.AddDays(3).AddSeconds(1))),
        ]);

        var page = _index.Search(Filtered(
            null,
            Filter(EventDate, FilterOperation.GreaterThan, opening.ToString("O")),
            Filter(EventDate, FilterOperation.LessThanOrEqual, opening.AddDays(3).ToString("O"))));

        AssertFound(page, first, last);
    }

    [Fact]
    public void Date_Filter_Values_Are_Read_As_Invariant_Iso_Dates()
    {
        var morning = Guid.NewGuid();
        var afternoon = Guid.NewGuid();
        var nextDay = Guid.NewGuid();
        _index.Index(
        [
            Doc(morning, null, (EventDate, new DateTime(2014, 10, 28, 9, 0, 0, DateTimeKind.Utc))),
            Doc(afternoon, null, (EventDate, new DateTimeOffset(2014, 10, 28, 17, 0, 0, TimeSpan.FromHours(3)))),
            Doc(nextDay, null, (EventDate, "2014-10-29")),
        ]);

        AssertFound(_index.Search(Filtered(null, Filter(EventDate, FilterOperation.GreaterThanOrEqual, "2014-10-28"))), morning, afternoon, nextDay);
        AssertFound(_index.Search(Filtered(null, Filter(EventDate, FilterOperation.GreaterThan, "2014-10-28T12:00:00Z"))), afternoon, nextDay);
        AssertFound(_index.Search(Filtered(null, Filter(EventDate, FilterOperation.LessThan, "2014-10-28T14:00:00Z"))), morning);
        AssertFound(_index.Search(Filtered(null, Filter(EventDate, FilterOperation.Is, "2014-10-29"))), nextDay);
    }

    [Fact]
    public void Can_Filter_Numbers_By_Range_Whatever_Type_They_Were_Given_As()
    {
        var hall = Guid.NewGuid();
        var room = Guid.NewGuid();
        var stadium = Guid.NewGuid();
        var garden = Guid.NewGuid();
        _index.Index(
        [
            Doc(hall, null, (Capacity, 250)),
            Doc(room, null, (Capacity, 40L)),
            Doc(stadium, null, (Capacity, 12000.5m)),
            Doc(garden, null, (Capacity, "99.5")),
        ]);

        AssertFound(_index.Search(Filtered(null, Filter(Capacity, FilterOperation.GreaterThanOrEqual, "250"))), hall, stadium);
        AssertFound(_index.Search(Filtered(null, Filter(Capacity, FilterOperation.LessThan, "99.5"))), room);
        AssertFound(_index.Search(Filtered(null, Filter(Capacity, FilterOperation.LessThanOrEqual, "99.5"))), room, garden);
        AssertFound(_index.Search(Filtered(null, Filter(Capacity, FilterOperation.Is, "250"))), hall);
        AssertFound(_index.Search(Filtered(null, Filter(Capacity, FilterOperation.IsNot, "250", "40"))), stadium, garden);
        AssertFound(_index.Search(Filtered(null, Filter(Capacity, FilterOperation.LessThan, "50"), Filter(Capacity, FilterOperation.GreaterThan, "10000"))));
        AssertFound(_index.Search(Filtered(null, Filter(Capacity, FilterOperation.LessThan, "50", "100"))), room, garden);
    }

    [Fact]
    public void A_Selector_Selects_Items_With_Any_Of_Its_Values()
    {
        var tigris = Guid.NewGuid();
        var marshes = Guid.NewGuid();
        var euphrates = Guid.NewGuid();
        _index.Index(
        [
            Doc(tigris, null, (Campaign, "save-the-tigris")),
            Doc(marshes, null, (Campaign, "mesopotamian-marshes")),
            Doc(euphrates, null, (Campaign, "euphrates")),
        ]);

        var selector = new SelectorOption { FieldName = Campaign, Values = ["save-the-tigris", "euphrates"] };

        AssertFound(_index.Search(Query(selector: selector)), tigris, euphrates);
        AssertFound(_index.Search(Query()), tigris, marshes, euphrates);
    }

    [Fact]
    public void Cannot_Filter_On_An_Unknown_Field()
    {
        var error = Assert.Throws<ArgumentException>(() => _index.Search(Filtered(null, Filter("region", FilterOperation.Is, "dk"))));

        Assert.Contains("'region'", error.Message);
    }

    [Fact]
    public void Cannot_Select_On_An_Unknown_Field()
    {
        var selector = new SelectorOption { FieldName = "parentKey", Values = [Guid.NewGuid().ToString()] };

        var error = Assert.Throws<ArgumentException>(() => _index.Search(Query(selector: selector)));

        Assert.Contains("'parentKey'", error.Message);
    }

    [Fact]
    public void Cannot_Sort_On_An_Unknown_Field()
    {
        var error = Assert.Throws<ArgumentException>(() => _index.Search(Query(sorts: [Sort("sortOrder", Umbraco.Cms.Core.Direction.Ascending)])));

        Assert.Contains("'sortOrder'", error.Message);
    }

    [Theory]
    [InlineData(Campaign, FilterOperation.GreaterThan)]
    [InlineData(Name, FilterOperation.LessThan)]
    [InlineData(SearchText, FilterOperation.LessThanOrEqual)]
    [InlineData(ContentType, FilterOperation.GreaterThanOrEqual)]
    public void Cannot_Use_A_Range_Operator_On_A_String_Field(string field, FilterOperation operation)
    {
        var error = Assert.Throws<ArgumentException>(() => _index.Search(Filtered(English, Filter(field, operation, "m"))));

        Assert.Contains($"'{field}'", error.Message);
    }

    [Fact]
    public void Cannot_Filter_A_Date_With_Something_That_Is_Not_A_Date()
    {
        var error = Assert.Throws<ArgumentException>(() => _index.Search(Filtered(null, Filter(EventDate, FilterOperation.GreaterThan, "next week"))));

        Assert.Contains($"'{EventDate}'", error.Message);
    }
}
