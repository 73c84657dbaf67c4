using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using MimeKit;
using static IcssiCms.IntegrationTests.Registrations.RegistrationHost;

namespace IcssiCms.IntegrationTests.Registrations;

[Collection(RegistrationsCollection.Name)]
public sealed class LinkTests
{
    /// <summary>Content-Language: in the message's header, which MimeKit reads as the body's (a Content-* header).</summary>
    private static string? LanguageOf(MimeMessage mail) =>
        mail.Headers[HeaderId.ContentLanguage] ?? mail.Body?.Headers[HeaderId.ContentLanguage];

    [Fact]
    public async Task The_Confirmation_Email_Is_In_English_And_Its_Confirm_Link_Confirms_Through_The_Api()
    {
        await using var host = await StartAsync(new Dictionary<Guid, int> { [SocialEvent] = 10 });
        await host.SignUpAsync("alice@example.org", "Alice Example", [SocialEvent]);

        var mail = await host.WaitForMailAsync("alice@example.org");

        Assert.Equal("Please confirm your place at Social Event", mail.Subject);
        Assert.Equal("en", LanguageOf(mail));
        Assert.Contains("dir=\"ltr\"", mail.HtmlBody);
        Assert.Contains("Dear Alice Example,", mail.TextBody);
        var token = MailFolderWatch.Token(mail, "confirm");
        Assert.Equal("pending", (await host.StaffListAsync()).Single().Status);

        // A confirm token is no cancel token.
        Assert.Equal(HttpStatusCode.BadRequest, (await host.PostLinkAsync("cancel", token)).Status);
        var (status, answer) = await host.PostLinkAsync("confirm", token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("confirmed", answer!.Outcome);
        Assert.Equal("confirmed", answer.Status);
        Assert.Equal(SocialEvent, answer.Event.Id);
        var row = (await host.StaffListAsync()).Single();
        Assert.Equal("confirmed", row.Status);
        Assert.NotNull(row.EmailConfirmedAt);
        Assert.Equal("alreadyDone", (await host.PostLinkAsync("confirm", token)).Answer!.Outcome);
    }

    [Fact]
    public async Task The_Arabic_Email_Is_Right_To_Left_And_Its_Link_Page_Confirms_With_Antiforgery()
    {
        await using var host = await StartAsync(new Dictionary<Guid, int> { [SocialEvent] = 10 });
        await host.SignUpAsync("layla@example.org", "ليلى", [SocialEvent], culture: "ar");

        var mail = await host.WaitForMailAsync("layla@example.org");

        Assert.Equal("ar", LanguageOf(mail));
        Assert.Contains("الفعالية الاجتماعية", mail.Subject);
        Assert.Contains("dir=\"rtl\"", mail.HtmlBody);
        Assert.Contains("<bdi>ليلى</bdi>", mail.HtmlBody);
        var link = MailFolderWatch.Link(mail, "confirm");

        // Opening the link changes nothing (mail scanners open links).
        using var page = await host.Client.GetAsync(link.PathAndQuery);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("dir=\"rtl\"", html);
        Assert.Equal("pending", (await host.StaffListAsync()).Single().Status);

        var fields = Regex.Matches(html, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        Assert.Equal(2, fields.Count);

        // Without the antiforgery field the form is refused.
        using (var forged = await host.Client.PostAsync(link.PathAndQuery, new FormUrlEncodedContent(fields.Where(f => f.Key == "token"))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        Assert.Equal("pending", (await host.StaffListAsync()).Single().Status);

        using var submitted = await host.Client.PostAsync(link.PathAndQuery, new FormUrlEncodedContent(fields));
        var result = await submitted.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Contains("تم تأكيد تسجيلك", result);
        Assert.Equal("confirmed", (await host.StaffListAsync()).Single().Status);
    }

    [Fact]
    public async Task A_Full_Event_Waitlists_The_Sign_Up_And_Sends_The_Waitlist_Email()
    {
        await using var host = await StartAsync(new Dictionary<Guid, int> { [SocialEvent] = 1 });
        Assert.Equal("placed", (await host.SignUpAsync("first@example.org", "First", [SocialEvent]))[SocialEvent]);

        Assert.Equal("waitlisted", (await host.SignUpAsync("second@example.org", "Second", [SocialEvent]))[SocialEvent]);

        var mail = await host.WaitForMailAsync("second@example.org");
        Assert.Equal("You are on the waitlist for Social Event", mail.Subject);
        Assert.Equal("waitlisted", (await host.StaffListAsync(SocialEvent)).Single(r => r.Email == "second@example.org").Status);
        var places = await host.PlacesAsync(SocialEvent);
        Assert.Equal((1, 1), (places.Held, places.Waitlisted));
    }

    [Fact]
    public async Task Cancelling_A_Place_Through_Its_Link_Promotes_The_First_In_Line_Who_Is_Told_By_Email()
    {
        await using var host = await StartAsync(new Dictionary<Guid, int> { [SocialEvent] = 1 });
        await host.SignUpAsync("placed@example.org", "Placed", [SocialEvent]);
        await host.SignUpAsync("next@example.org", "Next", [SocialEvent]);
        await host.SignUpAsync("after@example.org", "After", [SocialEvent]);

        // The first in line confirms the address while waiting: promoted, the place is confirmed at once.
        var waitlistMail = await host.WaitForMailAsync("next@example.org");
        Assert.Equal("confirmed", (await host.PostLinkAsync("confirm", MailFolderWatch.Token(waitlistMail, "confirm"))).Answer!.Outcome);
        Assert.Equal("waitlisted", (await host.StaffListAsync(SocialEvent)).Single(r => r.Email == "next@example.org").Status);

        var placedMail = await host.WaitForMailAsync("placed@example.org");
        var link = MailFolderWatch.Link(placedMail, "cancel");
        using var page = await host.Client.GetAsync(link.PathAndQuery);
        var fields = Regex.Matches(await page.Content.ReadAsStringAsync(), "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        using var cancelled = await host.Client.PostAsync(link.PathAndQuery, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Contains("is cancelled", await cancelled.Content.ReadAsStringAsync());

        var list = (await host.StaffListAsync(SocialEvent)).ToDictionary(r => r.Email, r => r.Status);
        Assert.Equal("cancelled", list["placed@example.org"]);
        Assert.Equal("confirmed", list["next@example.org"]);
        Assert.Equal("waitlisted", list["after@example.org"]);
        var promoted = await host.WaitForMailAsync("next@example.org", m => m.Subject == "A place at Social Event is now yours");
        Assert.Contains("/registrations/cancel?token=", promoted.TextBody);
        await host.WaitForMailAsync("placed@example.org", m => m.Subject == "Your registration for Social Event is cancelled");
        var places = await host.PlacesAsync(SocialEvent);
        Assert.Equal((1, 1), (places.Held, places.Waitlisted));

        // The one promoted without a confirmed address holds a pending place: cancel "next", and "after" gets it, pending.
        var (status, _) = await host.PostLinkAsync("cancel", MailFolderWatch.Token(promoted, "cancel"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("pending", (await host.StaffListAsync(SocialEvent)).Single(r => r.Email == "after@example.org").Status);
        await host.WaitForMailAsync("after@example.org", m => m.Subject == "A place at Social Event is now yours");
    }

    [Fact]
    public async Task Staff_Promote_Puts_Someone_First_In_Line_When_Full_And_The_Next_Free_Place_Is_Theirs()
    {
        await using var host = await StartAsync(new Dictionary<Guid, int> { [SocialEvent] = 1 });
        await host.SignUpAsync("one@example.org", "One", [SocialEvent]);
        await host.SignUpAsync("two@example.org", "Two", [SocialEvent]);
        await host.SignUpAsync("three@example.org", "Three", [SocialEvent]);
        var list = await host.StaffListAsync(SocialEvent);
        var one = list.Single(r => r.Email == "one@example.org").Id;
        var second = list.Single(r => r.Email == "two@example.org").Id;
        var third = list.Single(r => r.Email == "three@example.org").Id;

        using (var promoted = await host.Client.SendAsync(host.Staff(HttpMethod.Post, $"/registrations/{third}/promote")))
        {
            Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
            using var body = System.Text.Json.JsonDocument.Parse(await promoted.Content.ReadAsStringAsync());
            Assert.Equal("firstInLine", body.RootElement.GetProperty("outcome").GetString());
        }

        using (var unknown = await host.Client.SendAsync(host.Staff(HttpMethod.Post, $"/registrations/{Guid.NewGuid()}/promote")))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        using (var notWaiting = await host.Client.SendAsync(host.Staff(HttpMethod.Post, $"/registrations/{one}/promote")))
        {
            Assert.Equal(HttpStatusCode.Conflict, notWaiting.StatusCode);
        }

        // Still full: nobody got a place past the capacity.
        Assert.Equal(1, (await host.PlacesAsync(SocialEvent)).Held);

        // The holder cancels: the place goes to the one staff put first, not to the one who signed up earlier.
        var holderMail = await host.WaitForMailAsync("one@example.org", m => m.Subject?.Contains("Social Event", StringComparison.Ordinal) == true);
        var (status, _) = await host.PostLinkAsync("cancel", MailFolderWatch.Token(holderMail, "cancel"));
        Assert.Equal(HttpStatusCode.OK, status);
        var after = (await host.StaffListAsync(SocialEvent)).ToDictionary(r => r.Id, r => r.Status);
        Assert.Equal("pending", after[third]);
        Assert.Equal("waitlisted", after[second]);
        await host.WaitForMailAsync("three@example.org", m => m.Subject == "A place at Social Event is now yours");
        Assert.Equal(1, (await host.PlacesAsync(SocialEvent)).Held);
    }
}
