using System.Net;
using IcssiCms.Core.Schema;
using IcssiCms.EmbeddedHost.BackOffice.Content;
using IcssiCms.EmbeddedHost.BackOffice.Pages.Content;
using Microsoft.EntityFrameworkCore;

namespace IcssiCms.IntegrationTests.BackOffice.Content;

/// <summary>The seeded back-office host with its times in Oslo's zone (<c>IcssiCms:BackOffice:TimeZone</c>).</summary>
public sealed class OsloBackOfficeHost : ContentEditingHost
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Umbraco:CMS:Unattended:UnattendedUserName"] = BackOfficeHost.AdminName,
        ["Umbraco:CMS:Unattended:UnattendedUserEmail"] = BackOfficeHost.AdminEmail,
        ["Umbraco:CMS:Unattended:UnattendedUserPassword"] = BackOfficeHost.AdminPassword,
        [BackOfficeTimeZone.Key] = "Europe/Oslo",
    };
}

public sealed class ScheduleTimeZoneTests(OsloBackOfficeHost host) : IClassFixture<OsloBackOfficeHost>
{
    [Fact]
    public async Task An_editor_schedules_in_the_hubs_time_zone_the_store_keeps_UTC_and_the_page_shows_it_back_in_the_zone()
    {
        using var client = await host.SignedInClientAsync();
        var key = await ScheduledPublishingTests.CreateNewsAsync(client, "Oslo news " + Guid.NewGuid().ToString("N")[..6]);
        var tenInOslo = new DateTime(DateTime.UtcNow.Year + 1, 12, 1, 10, 0, 0);

        var response = await ScheduledPublishingTests.ScheduleAsync(client, key, EditModel.PublishAtField(HubCultures.English), tenInOslo);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var stored = await host.WithStoreAsync(db => db.ContentSchedules.AsNoTracking().SingleAsync(s => s.NodeKey == key));
        Assert.Equal(tenInOslo.AddHours(-1), stored.At);
        var page = await client.GetStringAsync($"/umbraco/content/{key:D}");
        Assert.Contains($"value=\"{tenInOslo:yyyy-MM-ddTHH:mm}\"", page, StringComparison.Ordinal);
        Assert.Contains("publish at (Europe/Oslo)", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_time_the_clocks_skip_is_refused_beside_its_field_and_nothing_is_scheduled()
    {
        using var client = await host.SignedInClientAsync();
        var key = await ScheduledPublishingTests.CreateNewsAsync(client, "Skipped hour " + Guid.NewGuid().ToString("N")[..6]);
        var lostHour = new DateTime(2027, 3, 28, 2, 30, 0);

        var response = await ScheduledPublishingTests.ScheduleAsync(client, key, EditModel.PublishAtField(HubCultures.English), lostHour);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("2027-03-28 02:30 does not exist in Europe/Oslo", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await host.WithStoreAsync(db => db.ContentSchedules.AnyAsync(s => s.NodeKey == key)));
    }
}
