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
    public async Task Staff_Promote_Answers_409_When_Full_404_For_An_Unknown_Id_And_200_Out_Of_Turn_When_A_Place_Is_Free()
    {
        using var folder = new Hosting.TemporaryFolder();
        Guid second, third;
        await using (var host = await StartAsync(new Dictionary<Guid, int> { [SocialEvent] = 1 }, folder: folder))
        {
            await host.SignUpAsync("one@example.org", "One", [SocialEvent]);
            await host.SignUpAsync("two@example.org", "Two", [SocialEvent]);
            await host.SignUpAsync("three@example.org", "Three", [SocialEvent]);
            var list = await host.StaffListAsync(SocialEvent);
            second = list.Single(r => r.Email == "two@example.org").Id;
            third = list.Single(r => r.Email == "three@example.org").Id;
            var one = list.Single(r => r.Email == "one@example.org").Id;

            using (var full = await host.Client.SendAsync(host.Staff(HttpMethod.Post, $"/registrations/{third}/promote")))
            {
                Assert.Equal(HttpStatusCode.Conflict, full.StatusCode);
            }

            using (var unknown = await host.Client.SendAsync(host.Staff(HttpMethod.Post, $"/registrations/{Guid.NewGuid()}/promote")))
            {
                Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            }

            using (var notWaiting = await host.Client.SendAsync(host.Staff(HttpMethod.Post, $"/registrations/{one}/promote")))
            {
                Assert.Equal(HttpStatusCode.Conflict, notWaiting.StatusCode);
            }

            Assert.Equal("waitlisted", (await host.StaffListAsync(SocialEvent)).Single(r => r.Id == third).Status);
        }

        // Every path that frees a place (cancel, erase, expiry, a raised capacity at import) gives it to the first in line
        // at once; a free place staff can give out of turn exists only when the capacity changes without an import,
        // as here: the stored value is raised and the host restarted with the startup import off.
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(folder.Path, "Umbraco.sqlite.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE PropertyValue SET Value = '2', PublishedValue = '2' WHERE upper(NodeKey) = upper($key) AND Alias = 'capacity'";
            command.Parameters.AddWithValue("$key", SocialEvent.ToString());
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        await using (var host = await StartAsync(
            new Dictionary<Guid, int> { [SocialEvent] = 1 }, new Dictionary<string, string> { ["uSync:Settings:ImportAtStartup"] = "None" }, folder: folder))
        {
            Assert.Equal(2, (await host.PlacesAsync(SocialEvent)).Capacity);
            using (var promoted = await host.Client.SendAsync(host.Staff(HttpMethod.Post, $"/registrations/{third}/promote")))
            {
                Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
            }

            var list = (await host.StaffListAsync(SocialEvent)).ToDictionary(r => r.Id, r => r.Status);
            Assert.Equal("pending", list[third]);
            Assert.Equal("waitlisted", list[second]);
            await host.WaitForMailAsync("three@example.org", m => m.Subject == "A place at Social Event is now yours");

            using var again = await host.Client.SendAsync(host.Staff(HttpMethod.Post, $"/registrations/{second}/promote"));
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Equal(2, (await host.PlacesAsync(SocialEvent)).Held);
        }
    }
}
