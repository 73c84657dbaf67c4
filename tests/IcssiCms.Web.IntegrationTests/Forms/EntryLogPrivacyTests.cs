using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using IcssiCms.Core.Forms.Delivery;
using IcssiCms.Core.Registrations;
using IcssiCms.Core.Schema;
using IcssiCms.Web.IntegrationTests.Hosting;
using IcssiCms.Web.IntegrationTests.Registrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IcssiCms.Web.IntegrationTests.Forms;

/// <summary>
/// Entries the site takes or refuses, at every stage and in Arabic as in English, leave no name or e-mail address in its
/// log files or on its console (what a host's log collector reads), the e-mails sent for them included.
/// </summary>
[Collection(ChangingSiteCollection.Name)]
public sealed class EntryLogPrivacyTests(ChangingSite site)
{
    private const string HoneypotLine = "entry dropped by the honeypot";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly PickupFolder _mail = new(site);

    [Fact]
    public async Task Accepted_And_Refused_Entries_Leave_No_Name_Or_Email_In_The_Log_Files_Or_On_The_Console()
    {
        var secrets = new List<string>();
        string Name(string name)
        {
            secrets.Add(name);
            return name;
        }

        string Email(string who)
        {
            var email = FormEntryTests.UniqueEmail(who);
            secrets.AddRange([email, email[..email.IndexOf('@')]]);
            return email;
        }

        var console = new StringWriter();
        var original = Console.Out;
        Console.SetOut(new TeeWriter(original, console));
        var droppedBefore = Occurrences(ReadLogFiles(), HoneypotLine);
        try
        {
            async Task Answered(Task<HttpResponseMessage> send, HttpStatusCode expected)
            {
                using var response = await send;
                Assert.Equal(expected, response.StatusCode);
            }

            Task<HttpResponseMessage> Server(Guid form, JsonObject entry) => FormEntryTests.PostAsync(site, form, entry);

            // Accepted: both forms, both languages, a server and a browser, and a role of the person's own words.
            var accepted = new List<string>();
            var other = FormEntryTests.RegistrationValues(Name("عمر الخصوصية"), Email("privacy-other"));
            other["role"] = "other";
            other["roleOther"] = Name("Secret Occupation Privacy");
            await Answered(Server(HubFormKeys.Registration, FormEntryTests.Entry(other, HubCultures.Arabic)), HttpStatusCode.Accepted);
            accepted.Add(other["email"]!.GetValue<string>());
            using (var browser = site.CreateClient())
            {
                var email = Email("privacy-browser-accepted");
                var (formToken, header, requestToken) = await BrowserEntryTests.TokensAsync(browser, HubFormKeys.CampaignSignUp);
                await Answered(BrowserEntryTests.PostAsync(browser, HubFormKeys.CampaignSignUp,
                    BrowserEntryTests.Entry(FormEntryTests.SignUpValues(Name("Browsing Bahar-Privacy"), email), HubCultures.English, formToken), (header, requestToken)), HttpStatusCode.Accepted);
                accepted.Add(email);
            }

            // Their e-mails are sent (the outbox has run over them) before the logs are read.
            foreach (var email in accepted)
            {
                await _mail.WaitForAsync(email);
            }

            // Refused, each at a different stage.

            var badEmail = FormEntryTests.SignUpValues(Name("إحسان غير صالح"), Email("privacy-invalid").Replace(".org", string.Empty, StringComparison.Ordinal));
            secrets.Add(badEmail["email"]!.GetValue<string>());
            await Answered(Server(HubFormKeys.CampaignSignUp, FormEntryTests.Entry(badEmail, HubCultures.Arabic)), HttpStatusCode.UnprocessableEntity);

            var noConsent = FormEntryTests.RegistrationValues(Name("Unconsenting Umar-Privacy"), Email("privacy-noconsent"));
            noConsent.Remove("consent");
            noConsent["role"] = "other";
            noConsent["roleOther"] = Name("مهنة سرية للخصوصية");
            await Answered(Server(HubFormKeys.Registration, FormEntryTests.Entry(noConsent, HubCultures.Arabic)), HttpStatusCode.UnprocessableEntity);

            await Answered(Server(HubFormKeys.CampaignSignUp, BrowserEntryTests.Entry(FormEntryTests.SignUpValues(Name("Made Up Mahmoud-Privacy"), Email("privacy-madeup")), null, "made-up-token")),
                HttpStatusCode.BadRequest);

            var lifetime = site.Services.GetRequiredService<IOptions<RegistrationOptions>>().Value.Abuse.FormTokenLifetime;
            var expiredToken = HoneypotAndTokenLifetimeTests.TokenShownAgo(site, HubFormKeys.CampaignSignUp, lifetime + TimeSpan.FromHours(1));
            await Answered(Server(HubFormKeys.CampaignSignUp, BrowserEntryTests.Entry(FormEntryTests.SignUpValues(Name("سارة منتهية"), Email("privacy-expired")), HubCultures.Arabic, expiredToken)),
                HttpStatusCode.BadRequest);

            await Answered(Server(HubFormKeys.CampaignSignUp, FormEntryTests.Entry(FormEntryTests.SignUpValues(Name("Cultured Cwan-Privacy"), Email("privacy-culture")), "xx-XX")),
                HttpStatusCode.BadRequest);

            var numbered = FormEntryTests.SignUpValues(Name("نوري المرقم"), Email("privacy-number"));
            numbered["country"] = 964;
            await Answered(Server(HubFormKeys.CampaignSignUp, FormEntryTests.Entry(numbered)), HttpStatusCode.BadRequest);

            var extra = FormEntryTests.SignUpValues(Name("Extra Ezra-Privacy"), Email("privacy-extra"));
            extra["password"] = Name("hunter2-privacy-secret");
            await Answered(Server(HubFormKeys.CampaignSignUp, FormEntryTests.Entry(extra)), HttpStatusCode.BadRequest);

            using (var browser = site.CreateClient())
            {
                var (formToken, _, _) = await BrowserEntryTests.TokensAsync(browser, HubFormKeys.CampaignSignUp);
                await Answered(BrowserEntryTests.PostAsync(browser, HubFormKeys.CampaignSignUp,
                    BrowserEntryTests.Entry(FormEntryTests.SignUpValues(Name("بهار المتصفحة"), Email("privacy-browser")), HubCultures.Arabic, formToken), null), HttpStatusCode.BadRequest);
            }

            using (var wrongKey = site.CreateClient())
            {
                wrongKey.DefaultRequestHeaders.Add("Api-Key", "not-the-key");
                await Answered(wrongKey.PostAsync($"{FormEntryTests.EntriesPath}/{HubFormKeys.CampaignSignUp:D}", Json(FormEntryTests.Entry(FormEntryTests.SignUpValues(Name("Keyless Kawa-Privacy"), Email("privacy-wrongkey"))))),
                    HttpStatusCode.Unauthorized);
            }

            using (var server = site.CreateClient())
            {
                server.DefaultRequestHeaders.Add("Api-Key", ChangingSite.FormsApiKey);
                await Answered(server.PostAsync($"{FormEntryTests.EntriesPath}/{HubFormKeys.CampaignSignUp:D}", new StringContent(
                    "{\"values\":{\"name\":\"" + Name("بشرى المكسورة") + "\",\"email\":\"" + Email("privacy-broken") + "\"", Encoding.UTF8, "application/json")),
                    HttpStatusCode.BadRequest);
                await Answered(server.PostAsync($"{FormEntryTests.EntriesPath}/{HubFormKeys.CampaignSignUp:D}", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["name"] = Name("Url Umm-Privacy"),
                    ["email"] = Email("privacy-urlencoded"),
                })), HttpStatusCode.UnsupportedMediaType);
            }

            // Last, the one refusal the site logs: once its line is in the files, so is anything logged before it.
            var honeypot = FormEntryTests.Entry(FormEntryTests.SignUpValues(Name("هناء العسل"), Email("privacy-honeypot")), HubCultures.Arabic);
            honeypot["additionalData"] = new JsonObject { [FormsDeliveryApi.HoneypotKey] = "x" };
            await Answered(Server(HubFormKeys.CampaignSignUp, honeypot), HttpStatusCode.Accepted);
            await WaitForLogAsync(HoneypotLine, droppedBefore + 1);
        }
        finally
        {
            Console.SetOut(original);
        }

        var logs = ReadLogFiles();
        string consoleText;
        lock (console)
        {
            consoleText = console.ToString();
        }

        Assert.Contains("entry accepted", logs);
        Assert.Contains(HoneypotLine, consoleText);
        foreach (var secret in secrets.Distinct())
        {
            foreach (var spelling in Spellings(secret))
            {
                Assert.False(logs.Contains(spelling, StringComparison.OrdinalIgnoreCase), $"The log files contain '{secret}'.");
                Assert.False(consoleText.Contains(spelling, StringComparison.OrdinalIgnoreCase), $"The console shows '{secret}'.");
            }
        }
    }

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    /// <summary>The text as written, and as JSON escapes it (a log file may hold Arabic as \u escapes).</summary>
    private static IEnumerable<string> Spellings(string secret)
    {
        yield return secret;
        yield return JsonSerializer.Serialize(secret)[1..^1];
        yield return JsonSerializer.Serialize(secret, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping })[1..^1];
    }

    private static int Occurrences(string text, string line)
    {
        var count = 0;
        for (var at = text.IndexOf(line, StringComparison.Ordinal); at >= 0; at = text.IndexOf(line, at + line.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private async Task WaitForLogAsync(string line, int occurrences)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (Occurrences(ReadLogFiles(), line) < occurrences)
        {
            Assert.True(DateTime.UtcNow < deadline, $"'{line}' did not reach the log files within {Patience.TotalSeconds} s.");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    private string ReadLogFiles()
    {
        var folder = Path.Combine(site.ContentRoot, "umbraco", "Logs");
        var text = new StringBuilder();
        foreach (var file in Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories) : [])
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            text.Append(reader.ReadToEnd());
        }

        return text.ToString();
    }

    /// <summary>Writes to the console as before, and keeps a copy for the test.</summary>
    private sealed class TeeWriter(TextWriter original, StringWriter copy) : TextWriter
    {
        public override Encoding Encoding => original.Encoding;

        public override void Write(char value)
        {
            original.Write(value);
            lock (copy)
            {
                copy.Write(value);
            }
        }

        public override void Write(string? value)
        {
            original.Write(value);
            lock (copy)
            {
                copy.Write(value);
            }
        }

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void Flush() => original.Flush();
    }
}
