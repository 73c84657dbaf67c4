using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using IcssiCms.Core.Schema;

namespace IcssiCms.IntegrationTests.Forms;

/// <summary>A hub whose console output is kept (and still shown) for the test to read.</summary>
public sealed class ConsoleCapturingFixture : FormsHostFixture
{
    private readonly StringWriter _captured = new();
    private TextWriter? _original;

    /// <summary>What the host has written to the console so far.</summary>
    public string Console
    {
        get
        {
            lock (_captured)
            {
                return _captured.ToString();
            }
        }
    }

    public override async Task InitializeAsync()
    {
        // Before the host starts, so that its console sink writes here whether it looks the console up once or each time.
        _original = System.Console.Out;
        System.Console.SetOut(new TeeWriter(_original, _captured));
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_original is not null)
        {
            System.Console.SetOut(_original);
        }
    }

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

/// <summary>Names and e-mail addresses go to the store and the e-mails, never to the logs.</summary>
[Collection(FormsApiCollection.Name)]
public sealed class FormPrivacyTests(ConsoleCapturingFixture hub) : IClassFixture<ConsoleCapturingFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

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
            var email = HubForms.UniqueEmail(who);
            secrets.Add(email);
            secrets.Add(email[..email.IndexOf('@')]);
            return email;
        }

        var accepted = new List<string>();
        async Task Accept(Task<HttpResponseMessage> send, string email)
        {
            using var response = await send;
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            accepted.Add(email);
        }

        async Task Refuse(Task<HttpResponseMessage> send, HttpStatusCode expected)
        {
            using var response = await send;
            Assert.Equal(expected, response.StatusCode);
        }

        // Accepted: both forms, both languages, a server and a browser.
        var e1 = Email("privacy-shirin");
        await Accept(hub.Server.SubmitAsync(HubForms.Registration, HubForms.RegistrationValues(Name("Shirin Qaradaghi-Privacy"), e1), HubCultures.English), e1);
        var e2 = Email("privacy-nasrin");
        await Accept(hub.Server.SubmitAsync(HubForms.CampaignSignUp, HubForms.SignUpValues(Name("نسرين الخصوصية"), e2), HubCultures.Arabic), e2);
        var e3 = Email("privacy-browser");
        await Accept(hub.Browser().SubmitAsync(HubForms.CampaignSignUp, HubForms.SignUpValues(Name("Browsing Bahar-Privacy"), e3), HubCultures.English), e3);
        var e4 = Email("privacy-other");
        var other = HubForms.RegistrationValues(Name("Other Omar-Privacy"), e4);
        other["role"] = "other";
        other["roleOther"] = Name("Secret Occupation Privacy");
        await Accept(hub.Server.SubmitAsync(HubForms.Registration, other, HubCultures.Arabic), e4);

        // Refused, each at a different stage.
        var badEmail = HubForms.SignUpValues(Name("Invalid Ihsan-Privacy"), "privacy-" + Guid.NewGuid().ToString("N") + "@nowhere");
        secrets.Add(badEmail["email"]!.GetValue<string>());
        await Refuse(hub.Server.SubmitAsync(HubForms.CampaignSignUp, badEmail, HubCultures.English), HttpStatusCode.UnprocessableEntity);
        var noConsent = HubForms.SignUpValues(Name("Unconsenting Umar-Privacy"), Email("privacy-noconsent"));
        noConsent.Remove("consent");
        await Refuse(hub.Server.SubmitAsync(HubForms.CampaignSignUp, noConsent, HubCultures.English), HttpStatusCode.UnprocessableEntity);
        await Refuse(hub.Server.SubmitAsync(HubForms.CampaignSignUp, HubForms.SignUpValues(Name("Honey Hana-Privacy"), Email("privacy-honeypot")), HubCultures.English,
            new Dictionary<string, string> { ["honeypot"] = "x" }), HttpStatusCode.Accepted);
        await Refuse(hub.Server.PostAsync(HubForms.CampaignSignUp, FormsClient.JsonContent(new JsonObject
        {
            ["values"] = HubForms.SignUpValues(Name("Tokenless Tara-Privacy"), Email("privacy-notoken")),
        })), HttpStatusCode.BadRequest);
        await Refuse(hub.Server.SubmitAsync(HubForms.CampaignSignUp, HubForms.SignUpValues(Name("Cultured Cwan-Privacy"), Email("privacy-culture")), "xx-XX"),
            HttpStatusCode.BadRequest);
        var numbered = HubForms.SignUpValues(Name("Numbered Nuri-Privacy"), Email("privacy-number"));
        numbered["country"] = 964;
        await Refuse(hub.Server.PostBodyAsync(HubForms.CampaignSignUp, new JsonObject { ["values"] = numbered }), HttpStatusCode.BadRequest);
        await Refuse(hub.WithApiKey("not-the-key").SubmitAsync(HubForms.CampaignSignUp, HubForms.SignUpValues(Name("Keyless Kawa-Privacy"), Email("privacy-wrongkey"))),
            HttpStatusCode.Unauthorized);
        await Refuse(hub.Server.PostAsync(HubForms.CampaignSignUp, new StringContent(
            "{\"values\":{\"name\":\"" + Name("Broken Bushra-Privacy") + "\",\"email\":\"" + Email("privacy-broken") + "\"", Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest);

        // The accepted entries were e-mailed (so the mail outbox has run over them too) before the logs are read.
        await WaitForMailTo(accepted);

        var logs = ReadLogFiles();
        Assert.Contains("entry accepted", logs);
        Assert.Contains("entry accepted", hub.Console);
        foreach (var secret in secrets.Distinct())
        {
            foreach (var form in Spellings(secret))
            {
                Assert.False(logs.Contains(form, StringComparison.OrdinalIgnoreCase), $"The log files contain '{secret}'.");
                Assert.False(hub.Console.Contains(form, StringComparison.OrdinalIgnoreCase), $"The console contains '{secret}'.");
            }
        }
    }

    /// <summary>The text as written, and as JSON escapes it (a log file may hold Arabic as \u escapes).</summary>
    private static IEnumerable<string> Spellings(string secret)
    {
        yield return secret;
        yield return JsonSerializer.Serialize(secret)[1..^1];
        yield return JsonSerializer.Serialize(secret, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping })[1..^1];
    }

    private string ReadLogFiles()
    {
        Assert.True(Directory.Exists(hub.LogFolder), "The host wrote no log folder.");
        var text = new StringBuilder();
        foreach (var file in Directory.EnumerateFiles(hub.LogFolder, "*", SearchOption.AllDirectories))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            text.Append(reader.ReadToEnd());
        }

        return text.ToString();
    }

    private async Task WaitForMailTo(IReadOnlyCollection<string> emails)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var mail = Directory.Exists(hub.MailFolder)
                ? string.Join('\n', Directory.EnumerateFiles(hub.MailFolder, "*.eml").Select(File.ReadAllText))
                : string.Empty;
            if (emails.All(e => mail.Contains(e, StringComparison.OrdinalIgnoreCase)))
            {
                return;
            }

            Assert.True(clock.Elapsed < Patience, $"No e-mail arrived within {Patience} for some of {string.Join(", ", emails)}.");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}
