using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Web;
using IcssiCms.Core.Registrations;
using IcssiCms.Core.Registrations.Links;
using IcssiCms.Core.Registrations.Mail;
using IcssiCms.Core.Schema;
using IcssiCms.Web.IntegrationTests.Delivery;
using IcssiCms.Web.IntegrationTests.Forms;
using IcssiCms.Web.IntegrationTests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using NPoco;
using Umbraco.Cms.Core.Mail;
using Umbraco.Cms.Infrastructure.Scoping;
using Umbraco.Cms.Infrastructure.Services;

namespace IcssiCms.Web.IntegrationTests.Registrations;

/// <summary>
/// A visitor's journey after signing up on the Umbraco site: the e-mail Umbraco's mail sender writes into the pickup
/// folder, in the visitor's language, and its confirm and cancel links followed, as the page they open and as the JSON
/// actions a front end posts; a cancelled place goes to the next in line, who is told by e-mail.
/// </summary>
[Collection(ChangingSiteCollection.Name)]
public sealed partial class RegistrationMailTests(ChangingSite site)
{
    private readonly PickupFolder _mail = new(site);

    private RegistrationStore Registrations => site.Services.GetRequiredService<RegistrationStore>();

    [Fact]
    public async Task A_Sign_Up_For_Two_Events_Gets_One_Email_In_Arabic_Whose_Confirm_Link_Confirms_Both()
    {
        var email = FormEntryTests.UniqueEmail("noor");
        await SignUpAsync("نور الهدى", email, HubCultures.Arabic, HubFormKeys.SocialEvent, HubFormKeys.IraqSession);

        var mail = Assert.Single(await _mail.WaitForAsync(email));
        var socialEvent = SeedContent.Hub[HubFormKeys.SocialEvent].Name(HubCultures.Arabic);
        var session = SeedContent.Hub[HubFormKeys.IraqSession].Name(HubCultures.Arabic);
        Assert.Contains(mail.Subject, new[] { socialEvent, session }.Select(name => $"يُرجى تأكيد مكانك في {name}"));
        Assert.Contains("dir=\"rtl\"", mail.HtmlBody);
        Assert.Contains("نور الهدى", mail.HtmlBody);
        Assert.Contains(WebUtility.HtmlEncode(socialEvent), mail.HtmlBody);
        Assert.Contains(WebUtility.HtmlEncode(session), mail.HtmlBody);

        var http = site.CreateClient();
        var page = await http.GetStringAsync(Link(mail, "confirm"));
        Assert.Contains("lang=\"ar\" dir=\"rtl\"", page);
        Assert.Contains("هل تريد تأكيد تسجيلك", page);
        Assert.All(Registrations.Of(email).Registrations, r => Assert.Equal(RegistrationStatus.Pending, (RegistrationStatus)r.Status));

        using var confirmed = await http.PostAsync(Link(mail, "confirm").GetLeftPart(UriPartial.Path), new FormUrlEncodedContent(HiddenFields(page)));

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("تم تأكيد تسجيلك", await confirmed.Content.ReadAsStringAsync());
        var registrations = Registrations.Of(email).Registrations;
        Assert.Equal(2, registrations.Count);
        Assert.All(registrations, r => Assert.Equal(RegistrationStatus.Confirmed, (RegistrationStatus)r.Status));
        Assert.Single(_mail.To(email));
    }

    [Fact]
    public async Task A_Campaign_Sign_Up_Gets_One_Email_About_Support_Not_Places_And_Its_Link_Confirms_Every_Campaign()
    {
        var email = FormEntryTests.UniqueEmail("campaigner");
        var womensRights = SeedContent.Hub.Named("Women's Rights").Key;
        using (var response = await FormEntryTests.PostAsync(site, HubFormKeys.CampaignSignUp, FormEntryTests.Entry(
            FormEntryTests.SignUpValues("سارا كريم", email, HubFormKeys.SaveTheTigris, womensRights), HubCultures.Arabic)))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var mail = Assert.Single(await _mail.WaitForAsync(email));
        var campaigns = new[] { HubFormKeys.SaveTheTigris, womensRights }.Select(k => SeedContent.Hub[k].Name(HubCultures.Arabic)).ToList();
        Assert.Contains(mail.Subject, campaigns.Select(name => $"يُرجى تأكيد انضمامك إلى حملة {name}"));
        Assert.DoesNotContain("مكان", mail.HtmlBody);
        Assert.All(campaigns, name => Assert.Contains(WebUtility.HtmlEncode(name), mail.HtmlBody));

        using var confirmed = await site.CreateClient().PostAsJsonAsync("/api/icssi/registrations/confirm", new { token = Token(mail, "confirm") });

        Assert.Equal("confirmed", (await DeliveryApiClient.ReadJsonAsync(confirmed, HttpStatusCode.OK)).GetProperty("outcome").GetString());
        var registrations = Registrations.Of(email).Registrations;
        Assert.Equal(2, registrations.Count);
        Assert.All(registrations, r => Assert.Equal(RegistrationStatus.Confirmed, (RegistrationStatus)r.Status));
    }

    [Fact]
    public async Task The_Outbox_Is_Sent_By_Umbracos_Distributed_Job_Service()
    {
        var email = FormEntryTests.UniqueEmail("by-the-job");
        await SignUpAsync("Sent By The Job", email, HubCultures.English, HubFormKeys.SocialEvent);
        var jobs = site.Services.GetRequiredService<IDistributedJobService>();

        // What Umbraco's hosted service does: register the jobs, then take whichever is due and run it.
        await jobs.EnsureJobsAsync();
        var ran = new List<string>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (_mail.To(email).Count == 0 && DateTime.UtcNow < deadline)
        {
            if (await jobs.TryTakeRunnableAsync() is not { } job)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100));
                continue;
            }

            ran.Add(job.Name);
            try
            {
                await job.ExecuteAsync();
            }
            finally
            {
                await jobs.FinishAsync(job.Name);
            }
        }

        Assert.Contains("IcssiCms.RegistrationOutbox", ran);
        Assert.StartsWith("Please confirm your place at ", Assert.Single(_mail.To(email)).Subject);
    }

    [Fact]
    public async Task Opening_A_Link_Changes_Nothing_And_Its_Button_Needs_The_Pages_Antiforgery_Token()
    {
        var email = FormEntryTests.UniqueEmail("scanner");
        await SignUpAsync("Mail Scanner", email, HubCultures.English, HubFormKeys.SocialEvent);
        var mail = Assert.Single(await _mail.WaitForAsync(email));

        var http = site.CreateClient();
        await http.GetStringAsync(Link(mail, "cancel"));
        await http.GetStringAsync(Link(mail, "cancel"));
        using var forged = await http.PostAsync(Link(mail, "cancel").GetLeftPart(UriPartial.Path), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = Token(mail, "cancel"),
        }));

        var problem = await FormDefinitionTests.ReadProblemAsync(forged, HttpStatusCode.BadRequest);
        Assert.Equal("antiforgery", problem.GetProperty("member").GetString());
        Assert.Equal(RegistrationStatus.Pending, (RegistrationStatus)Assert.Single(Registrations.Of(email).Registrations).Status);
    }

    [Fact]
    public async Task Cancelling_A_Held_Place_Gives_It_To_The_Next_In_Line_Who_Is_Told_By_Email()
    {
        var leaving = FormEntryTests.UniqueEmail("leaving");
        var waiting = FormEntryTests.UniqueEmail("waiting");
        using var _ = EventCapacity.Set(site, HubFormKeys.SocialEvent, HeldAtSocialEvent() + 1);
        await SignUpAsync("Leaving Early", leaving, HubCultures.English, HubFormKeys.SocialEvent);
        await SignUpAsync("Waiting Patiently", waiting, HubCultures.English, HubFormKeys.SocialEvent);
        var placeMail = Assert.Single(await _mail.WaitForAsync(leaving));
        var waitlistMail = Assert.Single(await _mail.WaitForAsync(waiting));
        Assert.StartsWith("You are on the waitlist for", waitlistMail.Subject);

        using var cancelled = await site.CreateClient().PostAsJsonAsync("/api/icssi/registrations/cancel", new { token = Token(placeMail, "cancel") });

        var answer = await DeliveryApiClient.ReadJsonAsync(cancelled, HttpStatusCode.OK);
        Assert.Equal(("cancelled", "cancelled"), (answer.GetProperty("outcome").GetString(), answer.GetProperty("status").GetString()));
        Assert.Equal(HubFormKeys.SocialEvent, answer.GetProperty("event").GetProperty("id").GetGuid());
        Assert.Equal(RegistrationStatus.Cancelled, (RegistrationStatus)Assert.Single(Registrations.Of(leaving).Registrations).Status);
        Assert.Equal(RegistrationStatus.Pending, (RegistrationStatus)Assert.Single(Registrations.Of(waiting).Registrations).Status);
        Assert.Contains(await _mail.WaitForAsync(waiting, 2), m => m.Subject!.StartsWith("A place at ", StringComparison.Ordinal));
        Assert.Contains(await _mail.WaitForAsync(leaving, 2), m => m.Subject!.StartsWith("Your registration for ", StringComparison.Ordinal));

        using var again = await site.CreateClient().PostAsJsonAsync("/api/icssi/registrations/cancel", new { token = Token(placeMail, "cancel") });
        Assert.Equal("alreadyDone", (await DeliveryApiClient.ReadJsonAsync(again, HttpStatusCode.OK)).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Raising_A_Capacity_Gives_The_New_Places_To_Those_In_Line()
    {
        var waiting = FormEntryTests.UniqueEmail("raised");
        using var _ = EventCapacity.Set(site, HubFormKeys.SocialEvent, HeldAtSocialEvent());
        await SignUpAsync("Next In Line", waiting, HubCultures.English, HubFormKeys.SocialEvent);
        Assert.Equal(RegistrationStatus.Waitlisted, (RegistrationStatus)Assert.Single(Registrations.Of(waiting).Registrations).Status);

        EventCapacity.Publish(site, HubFormKeys.SocialEvent, HeldAtSocialEvent() + 1);

        Assert.Equal(RegistrationStatus.Pending, (RegistrationStatus)Assert.Single(Registrations.Of(waiting).Registrations).Status);
        Assert.Contains(await _mail.WaitForAsync(waiting, 2), m => m.Subject!.StartsWith("A place at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Token_Is_Refused_For_The_Other_Action_And_When_Tampered_With()
    {
        var email = FormEntryTests.UniqueEmail("tamper");
        await SignUpAsync("Tamper Proof", email, HubCultures.English, HubFormKeys.SocialEvent);
        var mail = Assert.Single(await _mail.WaitForAsync(email));
        var http = site.CreateClient();

        using var otherAction = await http.PostAsJsonAsync("/api/icssi/registrations/cancel", new { token = Token(mail, "confirm") });
        using var tampered = await http.PostAsJsonAsync("/api/icssi/registrations/confirm", new { token = Token(mail, "confirm")[..^4] + "AAAA" });

        foreach (var response in new[] { otherAction, tampered })
        {
            var problem = await FormDefinitionTests.ReadProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.Equal("token", problem.GetProperty("member").GetString());
        }

        Assert.Contains("This link is not valid", await http.GetStringAsync($"/registrations/confirm?token={Uri.EscapeDataString(Token(mail, "cancel"))}"));
        Assert.Equal(RegistrationStatus.Pending, (RegistrationStatus)Assert.Single(Registrations.Of(email).Registrations).Status);
    }

    [Fact]
    public async Task The_Places_Left_At_An_Event_Are_Public_And_Count_Held_Places()
    {
        using var _ = EventCapacity.Set(site, HubFormKeys.SocialEvent, HeldAtSocialEvent() + 3);
        await SignUpAsync("One More", FormEntryTests.UniqueEmail("places"), HubCultures.English, HubFormKeys.SocialEvent);

        using var response = await site.CreateClient().GetAsync($"/api/icssi/events/{HubFormKeys.SocialEvent}/places");

        var places = await DeliveryApiClient.ReadJsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(2, places.GetProperty("available").GetInt32());
        Assert.Equal(HeldAtSocialEvent(), places.GetProperty("held").GetInt32());
    }

    [Fact]
    public async Task The_English_Email_Greets_By_Name_Its_Confirm_Link_Confirms_And_The_Used_Link_Says_It_Is_Done()
    {
        var email = FormEntryTests.UniqueEmail("alice");
        await SignUpAsync("Alice Example", email, HubCultures.English, HubFormKeys.SocialEvent);
        var eventName = SeedContent.Hub[HubFormKeys.SocialEvent].Name(HubCultures.English);

        var mail = Assert.Single(await _mail.WaitForAsync(email));

        Assert.Equal($"Please confirm your place at {eventName}", mail.Subject);
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", mail.HtmlBody);
        Assert.Contains("Dear <bdi>Alice Example</bdi>,", mail.HtmlBody);
        var http = site.CreateClient();
        using (var confirmed = await http.PostAsJsonAsync("/api/icssi/registrations/confirm", new { token = Token(mail, "confirm") }))
        {
            var answer = await DeliveryApiClient.ReadJsonAsync(confirmed, HttpStatusCode.OK);
            Assert.Equal(("confirmed", "confirmed"), (answer.GetProperty("outcome").GetString(), answer.GetProperty("status").GetString()));
            Assert.Equal(HubFormKeys.SocialEvent, answer.GetProperty("event").GetProperty("id").GetGuid());
        }

        var registration = Assert.Single(Registrations.Of(email).Registrations);
        Assert.Equal(RegistrationStatus.Confirmed, (RegistrationStatus)registration.Status);
        Assert.NotNull(registration.EmailConfirmedUtc);

        using (var again = await http.PostAsJsonAsync("/api/icssi/registrations/confirm", new { token = Token(mail, "confirm") }))
        {
            var answer = await DeliveryApiClient.ReadJsonAsync(again, HttpStatusCode.OK);
            Assert.Equal(("alreadyDone", "confirmed"), (answer.GetProperty("outcome").GetString(), answer.GetProperty("status").GetString()));
        }

        // The link opened again from the e-mail, its button pressed again: the page says the registration is confirmed.
        var page = await http.GetStringAsync(Link(mail, "confirm"));
        using var pressed = await http.PostAsync(Link(mail, "confirm").GetLeftPart(UriPartial.Path), new FormUrlEncodedContent(HiddenFields(page)));
        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        Assert.Contains($"Your registration for {WebUtility.HtmlEncode(eventName)} is confirmed.", await pressed.Content.ReadAsStringAsync());
        Assert.Equal(registration.EmailConfirmedUtc, Assert.Single(Registrations.Of(email).Registrations).EmailConfirmedUtc);
        Assert.Single(_mail.To(email));
    }

    [Fact]
    public async Task Signing_Up_Again_With_The_Address_In_Capitals_And_Spaces_Is_The_Same_Person_With_One_Email()
    {
        var email = FormEntryTests.UniqueEmail("twice");
        var held = HeldAtSocialEvent();

        await SignUpAsync("Twice Over", email, HubCultures.English, HubFormKeys.SocialEvent);
        await SignUpAsync("Twice Over", " " + email.ToUpperInvariant() + " ", HubCultures.English, HubFormKeys.SocialEvent);

        var (records, registrations) = Registrations.Of(email);
        Assert.Single(records);
        Assert.Equal(email, Assert.Single(registrations).Email);
        Assert.Equal(held + 1, HeldAtSocialEvent());
        // A pass of the outbox sends every mail that is due: a second one would be in the folder beside the first.
        Assert.Single(await _mail.WaitForAsync(email));
    }

    [Fact]
    public async Task Someone_In_Line_Who_Confirmed_Their_Address_Holds_A_Confirmed_Place_When_One_Frees()
    {
        var holder = FormEntryTests.UniqueEmail("holder");
        var waiting = FormEntryTests.UniqueEmail("confirmed-in-line");
        using var _ = EventCapacity.Set(site, HubFormKeys.SocialEvent, HeldAtSocialEvent() + 1);
        await SignUpAsync("Holds The Place", holder, HubCultures.English, HubFormKeys.SocialEvent);
        await SignUpAsync("Confirms While Waiting", waiting, HubCultures.English, HubFormKeys.SocialEvent);
        var http = site.CreateClient();
        using (var confirmed = await http.PostAsJsonAsync("/api/icssi/registrations/confirm", new { token = Token(Assert.Single(await _mail.WaitForAsync(waiting)), "confirm") }))
        {
            var answer = await DeliveryApiClient.ReadJsonAsync(confirmed, HttpStatusCode.OK);
            Assert.Equal(("confirmed", "waitlisted"), (answer.GetProperty("outcome").GetString(), answer.GetProperty("status").GetString()));
        }

        using var cancelled = await http.PostAsJsonAsync("/api/icssi/registrations/cancel", new { token = Token(Assert.Single(await _mail.WaitForAsync(holder)), "cancel") });

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(RegistrationStatus.Confirmed, (RegistrationStatus)Assert.Single(Registrations.Of(waiting).Registrations).Status);
        Assert.Contains(await _mail.WaitForAsync(waiting, 2), m => m.Subject!.StartsWith("A place at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Mail_That_Cannot_Be_Sent_Is_Tried_Again_After_A_Wait_That_Doubles_And_Then_Sent_Once()
    {
        var email = FormEntryTests.UniqueEmail("retried");
        await SignUpAsync("Tried Again", email, HubCultures.English, HubFormKeys.SocialEvent);
        var registration = Assert.Single(Registrations.Of(email).Registrations).Key;
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var outbox = OutboxAt(clock);

        // Umbraco's mail sender cannot write into the pickup folder while it is away, as it could not reach a mail server.
        var away = _mail.Path + ".away";
        Directory.Move(_mail.Path, away);
        OutboxMailDto first, second;
        try
        {
            Assert.True((await outbox.SendDueAsync(CancellationToken.None)).Failed >= 1);
            first = Assert.Single(QueuedFor(registration));
            var firstWait = first.DueUtc - clock.GetUtcNow().UtcDateTime;

            clock.Advance(firstWait);
            await outbox.SendDueAsync(CancellationToken.None);
            second = Assert.Single(QueuedFor(registration));
            Assert.Equal((1, 2), (first.Attempts, second.Attempts));
            Assert.True(firstWait > TimeSpan.Zero, $"Tried again at once: {firstWait}");
            Assert.Equal(firstWait * 2, second.DueUtc - clock.GetUtcNow().UtcDateTime);
        }
        finally
        {
            Directory.Move(away, _mail.Path);
        }

        // Not before its time, though the folder is back.
        clock.Advance(second.DueUtc - clock.GetUtcNow().UtcDateTime - TimeSpan.FromSeconds(1));
        await outbox.SendDueAsync(CancellationToken.None);
        Assert.Empty(_mail.To(email));
        Assert.Equal(2, Assert.Single(QueuedFor(registration)).Attempts);

        clock.Advance(TimeSpan.FromSeconds(1));
        await outbox.SendDueAsync(CancellationToken.None);
        Assert.StartsWith("Please confirm your place at ", Assert.Single(_mail.To(email)).Subject);
        Assert.Empty(QueuedFor(registration));
        await outbox.SendDueAsync(CancellationToken.None);
        Assert.Single(_mail.To(email));
        // The failures are logged by the outbox row's key, not by the person's address.
        var logs = PersonalDataTests.LogsOf(site);
        Assert.Contains(logs, log => log.Contains(first.Key.ToString(), StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(logs, log => log.Contains(email, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The site's outbox job with a clock of its own, over the same database and the same mail sender.</summary>
    private RegistrationOutboxJob OutboxAt(TimeProvider clock) => new(
        site.Services.GetRequiredService<IScopeProvider>(),
        site.Services.GetRequiredService<HubEvents>(),
        site.Services.GetRequiredService<IRegistrationLinks>(),
        site.Services.GetRequiredService<RegistrationMailComposer>(),
        site.Services.GetRequiredService<IEmailSender>(),
        site.Services.GetRequiredService<IOptionsMonitor<RegistrationOptions>>(),
        clock,
        site.Services.GetRequiredService<ILogger<RegistrationOutboxJob>>());

    /// <summary>The registration's e-mails waiting in the outbox.</summary>
    private List<OutboxMailDto> QueuedFor(Guid registration)
    {
        using var scope = site.Services.GetRequiredService<IScopeProvider>().CreateScope(autoComplete: true);
        return scope.Database.Fetch<OutboxMailDto>(new Sql($"SELECT * FROM {OutboxMailDto.TableName} WHERE registrationKey = @0", registration));
    }

    private async Task SignUpAsync(string name, string email, string culture, params Guid[] events)
    {
        using var response = await FormEntryTests.PostAsync(site, HubFormKeys.Registration, FormEntryTests.Entry(FormEntryTests.RegistrationValues(name, email, events), culture));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private int HeldAtSocialEvent() => Registrations.HeldPlaces([HubFormKeys.SocialEvent])[HubFormKeys.SocialEvent];

    /// <summary>The mail's link for the action (the first, for the event the mail is headed by).</summary>
    private static Uri Link(MimeMessage mail, string action) =>
        new(LinkPattern().Matches(mail.HtmlBody!).Select(m => WebUtility.HtmlDecode(m.Groups["link"].Value)).First(l => l.Contains($"/registrations/{action}?")));

    public static string Token(MimeMessage mail, string action) => HttpUtility.ParseQueryString(Link(mail, action).Query)["token"]!;

    /// <summary>The hidden fields of the page's form: the link's token and the antiforgery token.</summary>
    private static Dictionary<string, string> HiddenFields(string page) =>
        HiddenFieldPattern().Matches(page).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));

    [GeneratedRegex("href=\"(?<link>[^\"]+)\"")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\">")]
    private static partial Regex HiddenFieldPattern();
}
