using System.Text;
using IcssiCms.Core.Registrations;
using IcssiCms.Web.IntegrationTests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NPoco;
using Umbraco.Cms.Infrastructure.Scoping;

namespace IcssiCms.Web.IntegrationTests.Forms;

/// <summary>
/// A generated batch of hostile bodies for <c>POST entries/{id}</c>: malformed JSON of every kind, invalid UTF-8 and
/// lone surrogates, deep nesting, huge values, duplicate keys, unknown members and wrong types. Each gets a 4xx with a
/// problem body, and nothing is stored.
/// </summary>
[Collection(ChangingSiteCollection.Name)]
public sealed class HostileEntryTests(ChangingSite site)
{
    private const string Valid = """{"name":"Hostile Test","email":"hostile@example.org","country":"Iraq","campaigns":["a9ff1064-cf1a-5661-b800-7b3fcfa41fa9"],"consent":"on"}""";

    public static TheoryData<string, byte[], string> Bodies()
    {
        var data = new TheoryData<string, byte[], string>();
        void Json(string name, string body) => data.Add(name, Encoding.UTF8.GetBytes(body), "application/json");

        HostileJson.AddCommon(data, "{\"values\":" + Valid + "}", "Hostile Test", "values");

        Json("a value of 5,000 characters", Valid.Replace("Hostile Test", new string('x', 5_000)));
        Json("a value of 200,000 characters", Valid.Replace("Hostile Test", new string('x', 200_000)));
        Json("a body over the size limit", Valid.Replace("Hostile Test", new string('x', 300_000)));
        Json("101 values for one field", Valid.Replace("[\"a9ff1064-cf1a-5661-b800-7b3fcfa41fa9\"]", "[" + string.Join(',', Enumerable.Repeat("\"a9ff1064-cf1a-5661-b800-7b3fcfa41fa9\"", 101)) + "]"));
        Json("a huge number", "{\"values\":{\"name\":1e999999}}");

        // Duplicate keys.
        Json("values twice", "{\"values\":" + Valid + ",\"values\":" + Valid + "}");
        Json("a field twice", Valid.Replace("\"country\":\"Iraq\"", "\"country\":\"Iraq\",\"country\":\"Norway\""));
        Json("a field twice, in another case", Valid.Replace("\"country\":\"Iraq\"", "\"country\":\"Iraq\",\"COUNTRY\":\"Norway\""));

        // Unknown members.
        Json("an unknown top-level member", "{\"values\":" + Valid + ",\"isAdmin\":true}");
        Json("a value for no field", Valid.Replace("\"country\":\"Iraq\"", "\"country\":\"Iraq\",\"password\":\"x\""));

        // Wrong types.
        foreach (var (name, body) in new[]
        {
            ("a body that is an array", "[" + Valid + "]"), ("a body that is a string", "\"values\""), ("a body that is null", "null"),
            ("values as an array", "{\"values\":[]}"), ("values as a string", "{\"values\":\"x\"}"),
            ("a value as a number", "{\"values\":" + Valid.Replace("\"Hostile Test\"", "42") + "}"),
            ("a value as an object", "{\"values\":" + Valid.Replace("\"Hostile Test\"", "{\"first\":\"x\"}") + "}"),
            ("a value as true", "{\"values\":" + Valid.Replace("\"Hostile Test\"", "true") + "}"),
            ("a number in an array of values", "{\"values\":" + Valid.Replace("[\"a9ff1064-cf1a-5661-b800-7b3fcfa41fa9\"]", "[1]") + "}"),
            ("null in an array of values", "{\"values\":" + Valid.Replace("[\"a9ff1064-cf1a-5661-b800-7b3fcfa41fa9\"]", "[null]") + "}"),
            ("culture as a number", "{\"values\":" + Valid + ",\"culture\":1}"),
            ("an unknown culture", "{\"values\":" + Valid + ",\"culture\":\"xx-YY\"}"),
            ("contentId as an object", "{\"values\":" + Valid + ",\"contentId\":{}}"),
            ("contentId not a key", "{\"values\":" + Valid + ",\"contentId\":\"../../etc/passwd\"}"),
            ("additionalData as an array", "{\"values\":" + Valid + ",\"additionalData\":[]}"),
            ("additionalData nested", "{\"values\":" + Valid + ",\"additionalData\":{\"a\":{\"b\":\"c\"}}}"),
            ("a campaign that is not a choice", "{\"values\":" + Valid.Replace("a9ff1064-cf1a-5661-b800-7b3fcfa41fa9", "00000000-0000-0000-0000-000000000001") + "}"),
            ("an address that is not one", "{\"values\":" + Valid.Replace("hostile@example.org", "<script>@x") + "}"),
            ("no values", "{}"),
        })
        {
            Json($"wrong: {name}", body);
        }

        // Not JSON at all.
        data.Add("form-urlencoded", Encoding.UTF8.GetBytes("name=x&email=hostile%40example.org"), "application/x-www-form-urlencoded");
        data.Add("plain text", Encoding.UTF8.GetBytes(Valid), "text/plain");
        data.Add("XML", Encoding.UTF8.GetBytes("<values><name>x</name></values>"), "application/xml");
        return data;
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_Hostile_Body_Gets_A_4xx_Problem_And_Nothing_Is_Stored(string name, byte[] body, string contentType)
    {
        var before = StoredRows();
        using var http = site.CreateClient();
        http.DefaultRequestHeaders.Add("Api-Key", ChangingSite.FormsApiKey);
        using var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await http.PostAsync($"{FormEntryTests.EntriesPath}/{HubFormKeys.CampaignSignUp:D}", content);

        await HostileJson.AssertRefusedAsync(response, name);
        Assert.Equal(before, StoredRows());
    }

    /// <summary>
    /// Records and registrations. (An e-mail is queued only with a registration, and the outbox job deletes what it sends,
    /// so the outbox's count says nothing here.)
    /// </summary>
    private (int Records, int Registrations) StoredRows()
    {
        using var scope = site.Services.GetRequiredService<IScopeProvider>().CreateScope(autoComplete: true);
        int Count(string table) => scope.Database.ExecuteScalar<int>(new Sql($"SELECT COUNT(*) FROM {table}"));
        return (Count(FormRecordDto.TableName), Count(RegistrationDto.TableName));
    }
}
