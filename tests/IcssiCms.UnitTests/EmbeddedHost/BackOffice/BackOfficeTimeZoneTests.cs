using IcssiCms.EmbeddedHost.BackOffice.Content;
using Microsoft.Extensions.Configuration;

namespace IcssiCms.UnitTests.EmbeddedHost.BackOffice;

public sealed class BackOfficeTimeZoneTests
{
    private static BackOfficeTimeZone Zone(string? id) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [BackOfficeTimeZone.Key] = id }).Build());

    [Fact]
    public void Unset_it_is_UTC_and_times_pass_through()
    {
        var zone = Zone(null);
        Assert.Equal("UTC", zone.Name);
        Assert.Equal(new DateTime(2026, 12, 1, 10, 0, 0), zone.ToUtc(new DateTime(2026, 12, 1, 10, 0, 0)));
    }

    [Theory]
    [InlineData("Europe/Oslo", "2026-12-01T10:00", "2026-12-01T09:00")] // winter, UTC+1
    [InlineData("Europe/Oslo", "2026-07-01T10:00", "2026-07-01T08:00")] // summer, UTC+2
    [InlineData("Europe/Oslo", "2026-10-25T02:30", "2026-10-25T00:30")] // passed twice: the first, in summer time
    [InlineData("Asia/Baghdad", "2026-12-01T10:00", "2026-12-01T07:00")]
    public void A_wall_clock_time_in_the_zone_is_stored_as_UTC_and_shown_back_as_it_was_given(string id, string local, string utc)
    {
        var zone = Zone(id);
        var stored = zone.ToUtc(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), stored);
        Assert.Equal(DateTimeKind.Utc, stored!.Value.Kind);
        Assert.Equal(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), zone.ToLocal(stored.Value));
    }

    [Fact]
    public void A_time_the_clocks_skip_has_no_UTC() =>
        Assert.Null(Zone("Europe/Oslo").ToUtc(new DateTime(2026, 3, 29, 2, 30, 0)));

    [Fact]
    public void An_unknown_zone_is_refused_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Zone("Mars/Olympus"));
        Assert.Contains(BackOfficeTimeZone.Key, error.Message);
        Assert.Contains("Mars/Olympus", error.Message);
    }
}
