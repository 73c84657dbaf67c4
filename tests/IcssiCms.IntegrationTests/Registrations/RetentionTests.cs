using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static IcssiCms.IntegrationTests.Registrations.RegistrationHost;

namespace IcssiCms.IntegrationTests.Registrations;

[Collection(RegistrationsCollection.Name)]
public sealed class RetentionTests
{
    private static readonly TimeSpan ConfirmWithin = TimeSpan.FromHours(2);
    private static readonly TimeSpan RetentionInterval = TimeSpan.FromHours(1);
    private static readonly TimeSpan RetainFor = TimeSpan.FromDays(1);

    [Fact]
    public async Task Unconfirmed_Places_Expire_To_The_Next_In_Line_And_Old_Records_Are_Deleted()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await StartAsync(
            new Dictionary<Guid, int> { [SocialEvent] = 1 },
            new Dictionary<string, string>
            {
                ["IcssiCms:Registrations:ConfirmWithin"] = ConfirmWithin.ToString(),
                ["IcssiCms:Registrations:RetentionInterval"] = RetentionInterval.ToString(),
                ["IcssiCms:Registrations:RetainFor"] = RetainFor.ToString(),
            },
            builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));

        await host.SignUpAsync("slow@example.org", "Slow", [SocialEvent]);
        await host.SignUpAsync("waiting@example.org", "Waiting", [SocialEvent]);
        await host.SignUpAsync("confirmed@example.org", "Confirmed", [IraqSession]);
        var mail = await host.WaitForMailAsync("confirmed@example.org");
        Assert.Equal("confirmed", (await host.PostLinkAsync("confirm", MailFolderWatch.Token(mail, "confirm"))).Answer!.Status);

        // Within the confirmation time, the retention job's ticks change nothing.
        clock.Advance(RetentionInterval);
        await host.SignUpAsync("barrier@example.org", "Barrier", [IraqSession]);
        Assert.Equal("pending", (await host.StaffListAsync(SocialEvent)).Single(r => r.Email == "slow@example.org").Status);

        // Past it, the next tick releases the place, and the first in line gets it.
        clock.Advance(ConfirmWithin);
        var list = await EventuallyAsync(
            () => host.StaffListAsync(SocialEvent),
            l => l.Single(r => r.Email == "slow@example.org").Status == "expired",
            "the unconfirmed place to expire");
        Assert.Equal("pending", list.Single(r => r.Email == "waiting@example.org").Status);
        await host.WaitForMailAsync("waiting@example.org", m => m.Subject == "A place at Social Event is now yours");
        var places = await host.PlacesAsync(SocialEvent);
        Assert.Equal((1, 0), (places.Held, places.Waitlisted));
        // Confirmed places do not expire.
        Assert.Equal("confirmed", (await host.StaffListAsync(IraqSession)).Single(r => r.Email == "confirmed@example.org").Status);

        // Past the retention age, the records and their registrations are deleted; a newer one stays.
        clock.Advance(RetainFor - ConfirmWithin - RetentionInterval);
        await host.SignUpAsync("recent@example.org", "Recent", [IraqSession]);
        clock.Advance(ConfirmWithin + RetentionInterval + RetentionInterval);
        var left = await EventuallyAsync(
            () => host.StaffListAsync(),
            l => l.All(r => r.Email == "recent@example.org"),
            "old registrations to be deleted");
        Assert.Equal("recent@example.org", Assert.Single(left).Email);

        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={host.DatabaseFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Email FROM FormRecord";
        await using var reader = await command.ExecuteReaderAsync();
        var emails = new List<string>();
        while (await reader.ReadAsync())
        {
            emails.Add(reader.GetString(0));
        }

        Assert.Equal(["recent@example.org"], emails);
    }
}
