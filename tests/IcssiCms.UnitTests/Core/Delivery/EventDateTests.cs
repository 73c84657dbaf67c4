using IcssiCms.Core.Delivery.Indexing;
using IcssiCms.Core.Delivery.Querying.Filters;
using IcssiCms.Core.Delivery.Querying.Sorts;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.DeliveryApi;

namespace IcssiCms.UnitTests.Core.Delivery;

public sealed class EventDateTests
{
    private readonly EventDateIndexer _indexer = new();

    [Fact]
    public void Indexes_The_Oslo_Conference_From_Its_First_Morning_To_The_End_Of_Its_Last_Day_In_Utc()
    {
        var values = _indexer.GetFieldValues(HubContentItems.Node("Content/icssi-conference-2014.config"), culture: null)
            .ToDictionary(v => v.FieldName, v => (DateTime)v.Values.Single());

        // Oslo is UTC+2 in late October 2014 (summer time ends on the 26th: UTC+1 from then on).
        Assert.Equal(new DateTime(2014, 10, 26, 23, 0, 0, DateTimeKind.Utc), values[EventDateIndexer.StartFieldName]);
        Assert.Equal(new DateTime(2014, 10, 29, 23, 0, 0, DateTimeKind.Utc).AddTicks(-1), values[EventDateIndexer.EndFieldName]);
        Assert.Equal(DateTimeKind.Utc, values[EventDateIndexer.StartFieldName].Kind);
        Assert.Equal(new DateTime(2014, 10, 27), values[EventDateIndexer.LocalStartFieldName]);
    }

    [Fact]
    public void A_Session_Without_An_End_Ends_With_Its_Day()
    {
        var values = _indexer.GetFieldValues(HubContentItems.Node("Content/social-event.config"), culture: null)
            .ToDictionary(v => v.FieldName, v => (DateTime)v.Values.Single());

        Assert.Equal(new DateTime(2014, 10, 27), values[EventDateIndexer.StartFieldName].Date);
        Assert.Equal(values[EventDateIndexer.StartFieldName].Date.AddDays(1).AddTicks(-1), values[EventDateIndexer.EndFieldName]);
    }

    [Fact]
    public void Content_That_Is_Not_An_Event_Has_No_Dates_And_Sorts_After_Every_Event()
    {
        var values = _indexer.GetFieldValues(HubContentItems.Node("Content/save-the-tigris.config"), culture: null);

        var only = Assert.Single(values);
        Assert.Equal((UndatedLastSortField.Ascending(EventDateIndexer.StartFieldName), DateTime.MaxValue), (only.FieldName, (DateTime)only.Values.Single()));
        Assert.All(_indexer.GetFields(), f => Assert.Equal(FieldType.Date, f.FieldType));
    }

    [Theory]
    [InlineData("eventDate>2014-10-28", FilterOperation.GreaterThan)]
    [InlineData("eventDate>:2014-10-28", FilterOperation.GreaterThanOrEqual)]
    [InlineData("eventDate<2014-10-28", FilterOperation.LessThan)]
    [InlineData("eventDate<:2014-10-28", FilterOperation.LessThanOrEqual)]
    [InlineData("eventDate:2014-10-28", FilterOperation.Is)]
    [InlineData("eventDate:!2014-10-28", FilterOperation.IsNot)]
    public void Can_Build_An_Event_Date_Filter_With_Each_Of_Umbracos_Operators(string query, FilterOperation operation)
    {
        var filter = new EventDateFilter();
        Assert.True(filter.CanHandle(query));

        var option = filter.BuildFilterOption(query);

        Assert.Equal((EventDateIndexer.LocalStartFieldName, operation), (option.FieldName, option.Operator));
        Assert.Equal(["2014-10-28"], option.Values);
    }

    [Theory]
    [InlineData("eventDate>soon")]
    [InlineData("eventDate!2014-10-28")]
    [InlineData("eventDate>")]
    public void Cannot_Handle_An_Event_Date_Filter_Without_An_Operator_And_A_Date(string query) =>
        Assert.False(new EventDateFilter().CanHandle(query));

    [Theory]
    [InlineData("eventDate:asc", Direction.Ascending)]
    [InlineData("eventDate:desc", Direction.Descending)]
    [InlineData("EVENTDATE:DESC", Direction.Descending)]
    public void Can_Sort_By_Event_Date_Either_Way(string query, Direction direction)
    {
        var sort = new EventDateSort();
        Assert.True(sort.CanHandle(query));

        var field = direction == Direction.Ascending ? UndatedLastSortField.Ascending(EventDateIndexer.StartFieldName) : EventDateIndexer.StartFieldName;
        Assert.Equal((field, direction), (sort.BuildSortOption(query).FieldName, sort.BuildSortOption(query).Direction));
    }

    [Fact]
    public void Upcoming_Means_Not_Yet_Ended_At_The_Current_Time()
    {
        var now = new DateTimeOffset(2014, 10, 28, 12, 0, 0, TimeSpan.Zero);
        var filter = new UpcomingFilter(new FixedClock(now));

        var upcoming = filter.BuildFilterOption("upcoming:true");
        var past = filter.BuildFilterOption("upcoming:false");

        Assert.Equal((EventDateIndexer.EndFieldName, FilterOperation.GreaterThanOrEqual), (upcoming.FieldName, upcoming.Operator));
        Assert.Equal(FilterOperation.LessThan, past.Operator);
        Assert.Equal(now.UtcDateTime, DateTime.Parse(upcoming.Values.Single(), null, System.Globalization.DateTimeStyles.RoundtripKind));
    }

    [Theory]
    [InlineData("upcoming:maybe", false)]
    [InlineData("upcoming:", false)]
    [InlineData("upcoming:TRUE", true)]
    public void Upcoming_Takes_Only_True_Or_False(string query, bool handled) =>
        Assert.Equal(handled, new UpcomingFilter(TimeProvider.System).CanHandle(query));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
