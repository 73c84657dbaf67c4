using System.Net;
using System.Net.Http.Json;
using System.Text;
using IcssiCms.Core.Registrations;
using IcssiCms.Core.Schema;
using IcssiCms.Web.IntegrationTests.Forms;
using IcssiCms.Web.IntegrationTests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Umbraco.Cms.Infrastructure.Persistence;
using Umbraco.Cms.Infrastructure.Scoping;

namespace IcssiCms.Web.IntegrationTests.Registrations;

/// <summary>
/// What the site keeps of a person, and for how long: an erasure leaves nothing of them in the database files, unconfirmed
/// places are released and old records deleted by the upkeep, and names and addresses never reach the logs.
/// </summary>
[Collection(ChangingSiteCollection.Name)]
public sealed class PersonalDataTests(ChangingSite site)
{
    private readonly PickupFolder _mail = new(site);

    private RegistrationStore Registrations => site.Services.GetRequiredService<RegistrationStore>();

    [Fact]
    public async Task An_Erasure_Leaves_Nothing_Of_The_Person_In_The_Database_Files()
    {
        var email = FormEntryTests.UniqueEmail("erase-me");
        const string name = "Zainab Erasable-Qx7";
        await SignUpAsync(name, email, HubFormKeys.SocialEvent, HubFormKeys.IraqSession);
        await _mail.WaitForAsync(email);
        Assert.True(DatabaseFilesHold(email), "The sign-up is not in the database files, so the test could not fail.");

        var erased = Registrations.Erase(email.ToUpperInvariant());

        Assert.Equal(new ErasureResult(1, 2), erased);
        Assert.Equal((0, 0), (Registrations.Of(email).Records.Count, Registrations.Of(email).Registrations.Count));
        Assert.False(DatabaseFilesHold(email), "The e-mail address is still in the database files.");
        Assert.False(DatabaseFilesHold(name), "The name is still in the database files.");
    }

    [Fact]
    public async Task An_Erased_Persons_Waiting_Email_Is_Never_Sent_And_Signing_Up_Again_Starts_Afresh()
    {
        var email = FormEntryTests.UniqueEmail("erased-then-back");
        await SignUpAsync("Comes Back", email, HubFormKeys.SocialEvent);
        var erased = Assert.Single(Registrations.Of(email).Registrations);

        Assert.Equal(new ErasureResult(1, 1), Registrations.Erase(email));
        await SignUpAsync("Comes Back", email, HubFormKeys.SocialEvent);

        // A pass of the outbox sends every mail that is due: the erased sign-up's would be in the folder beside this one.
        var mail = Assert.Single(await _mail.WaitForAsync(email));
        var again = Assert.Single(Registrations.Of(email).Registrations);
        Assert.NotEqual(erased.Key, again.Key);
        Assert.Equal(RegistrationStatus.Pending, (RegistrationStatus)again.Status);
        using var confirmed = await site.CreateClient().PostAsJsonAsync("/api/icssi/registrations/confirm", new { token = RegistrationMailTests.Token(mail, "confirm") });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(RegistrationStatus.Confirmed, (RegistrationStatus)Assert.Single(Registrations.Of(email).Registrations).Status);
    }

    [Fact]
    public async Task The_Upkeep_Releases_Unconfirmed_Places_To_Those_In_Line_And_Later_Deletes_Old_Records_Only()
    {
        var unconfirmed = FormEntryTests.UniqueEmail("unconfirmed");
        var inLine = FormEntryTests.UniqueEmail("in-line");
        var confirmed = FormEntryTests.UniqueEmail("confirmed");
        var recent = FormEntryTests.UniqueEmail("recent");
        using var _ = EventCapacity.Set(site, HubFormKeys.SocialEvent, Registrations.HeldPlaces([HubFormKeys.SocialEvent])[HubFormKeys.SocialEvent] + 1);
        var signingUp = DateTimeOffset.UtcNow;
        await SignUpAsync("Never Confirms", unconfirmed, HubFormKeys.SocialEvent);
        await SignUpAsync("Waits In Line", inLine, HubFormKeys.SocialEvent);
        await SignUpAsync("Confirms At Once", confirmed, HubFormKeys.IraqSession);
        Assert.Equal(LinkOutcome.Done, Registrations.Confirm(Assert.Single(Registrations.Of(confirmed).Registrations).Key).Outcome);
        var settings = site.Services.GetRequiredService<IOptionsMonitor<RegistrationOptions>>().CurrentValue;
        var now = DateTimeOffset.UtcNow;

        // Within the time to confirm, the upkeep leaves the place held.
        StoreAt(signingUp + settings.ConfirmWithin - TimeSpan.FromMinutes(1)).Maintain();

        Assert.Equal(RegistrationStatus.Pending, StatusOf(unconfirmed));

        var afterConfirmTime = StoreAt(now + settings.ConfirmWithin + TimeSpan.FromMinutes(1)).Maintain();

        Assert.True(afterConfirmTime.Expired >= 1);
        Assert.Equal(RegistrationStatus.Expired, StatusOf(unconfirmed));
        Assert.Equal(RegistrationStatus.Pending, StatusOf(inLine));
        Assert.Equal(RegistrationStatus.Confirmed, StatusOf(confirmed));

        await SignUpAsync("Signed Up Later", recent, HubFormKeys.IraqSession);
        var afterRetention = StoreAt(now + settings.RetainFor).Maintain();

        Assert.True(afterRetention.RecordsDeleted >= 3 && afterRetention.RegistrationsDeleted >= 3);
        Assert.All(new[] { unconfirmed, inLine, confirmed }, email => Assert.Equal((0, 0), (Registrations.Of(email).Records.Count, Registrations.Of(email).Registrations.Count)));
        Assert.Equal((1, 1), (Registrations.Of(recent).Records.Count, Registrations.Of(recent).Registrations.Count));
    }

    [Fact]
    public async Task Names_And_Addresses_Never_Reach_The_Logs()
    {
        var email = FormEntryTests.UniqueEmail("not-logged");
        const string name = "Hamid Unlogged-Pz3";
        await SignUpAsync(name, email, HubFormKeys.SocialEvent);
        var mail = Assert.Single(await _mail.WaitForAsync(email));
        using var cancelled = await site.CreateClient().PostAsJsonAsync("/api/icssi/registrations/cancel", new { token = RegistrationMailTests.Token(mail, "cancel") });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        await _mail.WaitForAsync(email, 2);

        var logs = LogsOf(site);

        Assert.Contains(logs, log => log.Contains("Registration outbox", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, log => log.Contains(email, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(logs, log => log.Contains(name, StringComparison.Ordinal));
    }

    private RegistrationStatus StatusOf(string email) => (RegistrationStatus)Assert.Single(Registrations.Of(email).Registrations).Status;

    /// <summary>The site's store with a clock of its own, over the same database.</summary>
    private RegistrationStore StoreAt(DateTimeOffset now) => new(
        site.Services.GetRequiredService<IScopeProvider>(),
        site.Services.GetRequiredService<IUmbracoDatabaseFactory>(),
        site.Services.GetRequiredService<HubEvents>(),
        new FakeTimeProvider(now),
        site.Services.GetRequiredService<IOptionsMonitor<RegistrationOptions>>());

    private async Task SignUpAsync(string name, string email, params Guid[] events)
    {
        using var response = await FormEntryTests.PostAsync(site, HubFormKeys.Registration, FormEntryTests.Entry(FormEntryTests.RegistrationValues(name, email, events), HubCultures.English));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>Whether the SQLite database, its write-ahead log or its shared memory file holds the text, as UTF-8.</summary>
    private bool DatabaseFilesHold(string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        return Directory.EnumerateFiles(site.DataFolder, "Umbraco.sqlite.db*")
            .Any(file => ReadAllShared(file).AsSpan().IndexOf(needle) >= 0);
    }

    private static byte[] ReadAllShared(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The site's log files so far, each as text.</summary>
    public static IReadOnlyList<string> LogsOf(HubSite site) =>
        Directory.EnumerateFiles(Path.Combine(site.ContentRoot, "umbraco", "Logs"), "*", SearchOption.AllDirectories)
            .Select(file => Encoding.UTF8.GetString(ReadAllShared(file)))
            .ToList();
}
