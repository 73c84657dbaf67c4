using System.Net;
using System.Net.Http.Headers;
using System.Text;
using IcssiCms.Web.IntegrationTests.Forms;
using IcssiCms.Web.IntegrationTests.Hosting;

namespace IcssiCms.Web.IntegrationTests.Registrations;

/// <summary>
/// A generated batch of hostile bodies for the administrators' person export and erase: malformed JSON, invalid UTF-8
/// and lone surrogates, deep nesting, huge values, duplicate and unknown members, wrong types, a missing or blank
/// address, and bodies that are not JSON. Many carry the address of a person who signed up. Each gets a 4xx with a
/// problem body naming what is wrong, the person's data is neither given out nor erased.
/// </summary>
[Collection(RegistrationsSiteCollection.Name)]
public sealed class HostilePersonRequestTests(RegistrationsSite site)
{
    private const string Victim = "hostile-victim@example.org";

    public static TheoryData<string, string, byte[], string> Bodies()
    {
        var batch = new TheoryData<string, byte[], string>();
        HostileJson.AddCommon(batch, "{\"email\":\"" + Victim + "\"}", "victim", "email");
        void Json(string name, string body) => batch.Add(name, Encoding.UTF8.GetBytes(body), "application/json");
        void Typed(string name, string body, string contentType) => batch.Add(name, Encoding.UTF8.GetBytes(body), contentType);

        Json("an address of 5,000 characters", "{\"email\":\"" + new string('x', 5_000) + "@example.org\"}");
        Json("a body of 200,000 characters", "{\"email\":\"" + Victim + "\",\"padding\":\"" + new string('x', 200_000) + "\"}");
        Json("a huge number", "{\"email\":1e999999}");

        Json("email twice", "{\"email\":\"nobody@example.org\",\"email\":\"" + Victim + "\"}");
        Json("email in another case", "{\"Email\":\"" + Victim + "\"}");
        Json("an unknown member", "{\"email\":\"" + Victim + "\",\"allEvents\":true}");

        foreach (var (name, body) in new[]
        {
            ("a body that is an array", "[{\"email\":\"" + Victim + "\"}]"), ("a body that is a string", "\"" + Victim + "\""),
            ("a body that is null", "null"), ("email as a number", "{\"email\":42}"), ("email as true", "{\"email\":true}"),
            ("email as null", "{\"email\":null}"), ("email as an array", "{\"email\":[\"" + Victim + "\"]}"),
            ("email as an object", "{\"email\":{\"address\":\"" + Victim + "\"}}"),
        })
        {
            Json($"wrong type: {name}", body);
        }

        Json("no email", "{}");
        Json("blank email", "{\"email\":\"\"}");
        Json("spaces for an email", "{\"email\":\"   \"}");
        Json("an email without @", "{\"email\":\"hostile-victim.example.org\"}");
        Json("only @", "{\"email\":\"@\"}");
        Json("spaces inside the email", "{\"email\":\"hostile victim@example.org\"}");

        Typed("text/plain", "{\"email\":\"" + Victim + "\"}", "text/plain");
        Typed("a form post", "email=" + Uri.EscapeDataString(Victim), "application/x-www-form-urlencoded");
        Typed("JSON in Latin-1", "{\"email\":\"" + Victim + "\"}", "application/json; charset=iso-8859-1");

        var data = new TheoryData<string, string, byte[], string>();
        foreach (var action in new[] { "export", "erase" })
        {
            foreach (var row in batch)
            {
                data.Add(action, (string)row[0], (byte[])row[1], (string)row[2]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_Hostile_Body_Is_A_4xx_Problem_And_Nothing_Is_Given_Out_Or_Erased(string action, string name, byte[] body, string contentType)
    {
        if (site.Store.Of(Victim).Registrations.Count == 0)
        {
            await site.SignUpAsync("Hostile Victim", Victim, HubFormKeys.IraqSession);
        }

        var before = site.Store.Of(Victim);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        using var response = await (await site.AdministratorAsync()).PostAsync($"{RegistrationsApiTests.Api}/person/{action}", content);

        var text = await HostileJson.AssertRefusedAsync(response, name);
        Assert.Contains("\"member\":", text);
        Assert.DoesNotContain(Victim, text);
        var after = site.Store.Of(Victim);
        Assert.Equal(before.Records.Count, after.Records.Count);
        Assert.Equal(before.Registrations.Select(r => (r.Key, r.Status)), after.Registrations.Select(r => (r.Key, r.Status)));
    }

    [Theory]
    [InlineData("not-a-guid", HttpStatusCode.BadRequest)]
    [InlineData("00000000-0000-0000-0000-000000000001", HttpStatusCode.NotFound)]
    public async Task Promoting_An_Id_That_Is_Not_A_Registration_Is_A_Problem_Naming_It(string id, HttpStatusCode expected)
    {
        using var response = await (await site.AdministratorAsync()).PostAsync($"{RegistrationsApiTests.Api}/{id}/promote", null);

        var problem = await FormDefinitionTests.ReadProblemAsync(response, expected);
        Assert.Equal("id", problem.GetProperty("member").GetString());
    }
}
