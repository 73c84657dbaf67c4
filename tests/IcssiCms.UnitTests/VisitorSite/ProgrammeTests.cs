using System.Text.Json;
using IcssiCms.VisitorSite.Hub;

namespace IcssiCms.UnitTests.VisitorSite;

public sealed class ProgrammeTests
{
    private static ApiContent Item(string contentType, string name, params (string Alias, object? Value)[] properties) => new(
        contentType,
        name,
        Guid.NewGuid(),
        new ApiRoute($"/{name.ToLowerInvariant().Replace(' ', '-')}/"),
        null,
        properties.ToDictionary(p => p.Alias, p => JsonSerializer.SerializeToElement(p.Value)),
        null);

    [Fact]
    public void Sessions_are_grouped_by_day_and_ordered_by_time_in_the_conferences_zone()
    {
        var conference = Item("conference", "Conference", ("timeZone", "Europe/Oslo"), ("city", "Oslo"), ("startDate", "2014-10-27T00:00:00"), ("endDate", "2014-10-29T00:00:00"));
        var programme = Programme.Of(conference,
        [
            Item("conferenceSession", "Evening", ("startDate", "2014-10-28T18:00:00")),
            Item("conferenceSession", "Morning", ("startDate", "2014-10-28T09:30:00")),
            Item("conferenceSession", "Opening", ("startDate", "2014-10-27T00:00:00"), ("scheduleNote", "Late afternoon")),
            Item("conferenceSession", "Undated"),
        ]);

        Assert.Equal("Oslo", programme.ZoneName);
        Assert.Equal([new DateTime(2014, 10, 27), new DateTime(2014, 10, 28)], programme.Days.Select(day => day.Date));
        Assert.Equal(["Morning", "Evening"], programme.Days[1].Sessions.Select(session => session.Item.Name));
        Assert.Equal(new DateTime(2014, 10, 29), programme.End);
    }

    [Theory]
    [InlineData("2014-10-20T16:00:00Z", 18)] // summer time in Oslo: UTC+2
    [InlineData("2014-10-28T17:00:00Z", 18)] // after 26 October: UTC+1
    [InlineData("2014-10-28T18:00:00+01:00", 18)]
    [InlineData("2014-10-28T18:00:00", 18)] // no offset: already the event's local time
    public void An_instant_is_shown_in_the_events_zone_and_a_local_time_as_it_is(string stored, int expectedHour)
    {
        var oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");
        var session = Item("conferenceSession", "Session", ("startDate", stored));
        Assert.Equal(expectedHour, session.Date("startDate", oslo)!.Value.Hour);
    }

    [Fact]
    public void Properties_read_as_what_the_delivery_api_sends()
    {
        var item = Item("campaignNews", "News",
            ("body", new { markup = "<p>Text</p>", blocks = Array.Empty<object>() }),
            ("tags", new[] { "tigris", "water" }),
            ("registrationOpen", true),
            ("capacity", null),
            ("form", new { id = "0c3e8f0a-6a35-4f0e-9d3b-2a1e5c7b9d41", form = (object?)null }),
            ("empty", ""));
        Assert.Equal("<p>Text</p>", item.Markup("body"));
        Assert.Equal(["tigris", "water"], item.Strings("tags"));
        Assert.True(item.Flag("registrationOpen"));
        Assert.Null(item.Number("capacity"));
        Assert.Equal(Guid.Parse("0c3e8f0a-6a35-4f0e-9d3b-2a1e5c7b9d41"), item.FormId("form"));
        Assert.Null(item.Text("empty"));
        Assert.Null(item.Text("missing"));
    }
}
