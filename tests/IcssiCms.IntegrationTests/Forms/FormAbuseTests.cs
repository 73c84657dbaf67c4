using System.Net;
using System.Text.Json.Nodes;
using IcssiCms.Core.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace IcssiCms.IntegrationTests.Forms;

/// <summary>The honeypot and the form token: what stops a bot without bothering a person.</summary>
[Collection(FormsApiCollection.Name)]
public sealed class FormTokenAndHoneypotTests(FormsHubFixture hub) : IClassFixture<FormsHubFixture>
{
    private async Task AssertNotStored(string email)
    {
        Assert.DoesNotContain(await hub.Server.StaffRegistrationsAsync(FormsHostFixture.StaffApiKey), r => r.GetProperty("email").GetString() == email);
        var subject = await hub.Server.DataSubjectAsync(FormsHostFixture.StaffApiKey, email);
        Assert.Empty(subject.GetProperty("records").EnumerateArray());
        Assert.Empty(subject.GetProperty("registrations").EnumerateArray());
    }

    private static async Task AssertFormTokenRefused(HttpResponseMessage response)
    {
        var problem = await FormsClient.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("additionalData.formToken", problem.GetProperty("member").GetString());
    }

    [Theory]
    [InlineData("0c3e8f0a-6a35-4f0e-9d3b-2a1e5c7b9d41")]
    [InlineData("c1ba64a9-0c59-55ff-afd6-100da39726b5")]
    public async Task A_Filled_Honeypot_Is_Answered_202_But_Nothing_Is_Stored(string form)
    {
        var email = HubForms.UniqueEmail("bot");
        var values = Guid.Parse(form) == HubForms.Registration ? HubForms.RegistrationValues("Bot Person", email) : HubForms.SignUpValues("Bot Person", email);

        using var response = await hub.Server.SubmitAsync(Guid.Parse(form), values, HubCultures.English,
            new Dictionary<string, string> { ["honeypot"] = "http://spam.example" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        // The answer looks like a real one: the form's message and a place at each event chosen.
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("messageOnSubmit").GetString()));
        var places = body.RootElement.GetProperty("places").EnumerateArray().ToList();
        Assert.NotEmpty(places);
        Assert.All(places, p => Assert.Equal("placed", p.GetProperty("status").GetString()));
        await AssertNotStored(email);
        Assert.Empty(Directory.Exists(hub.MailFolder)
            ? Directory.EnumerateFiles(hub.MailFolder).Where(f => File.ReadAllText(f).Contains(email, StringComparison.OrdinalIgnoreCase))
            : []);
    }

    [Fact]
    public async Task An_Empty_Honeypot_Is_A_Person()
    {
        var email = HubForms.UniqueEmail("person");

        using var response = await hub.Server.SubmitAsync(HubForms.CampaignSignUp, HubForms.SignUpValues("Real Person", email), HubCultures.English,
            new Dictionary<string, string> { ["honeypot"] = "" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains(await hub.Server.StaffRegistrationsAsync(FormsHostFixture.StaffApiKey), r => r.GetProperty("email").GetString() == email);
    }

    [Fact]
    public async Task An_Entry_Without_A_Form_Token_Is_A_400_Naming_It()
    {
        var email = HubForms.UniqueEmail("notoken");

        using var response = await hub.Server.PostAsync(HubForms.CampaignSignUp, FormsClient.JsonContent(new JsonObject
        {
            ["values"] = HubForms.SignUpValues("No Token", email),
            ["culture"] = HubCultures.English,
        }));

        await AssertFormTokenRefused(response);
        await AssertNotStored(email);
    }

    [Fact]
    public async Task A_Made_Up_Form_Token_Is_A_400_Naming_It()
    {
        var email = HubForms.UniqueEmail("madeup");

        using var response = await hub.Server.SubmitWithTokenAsync(HubForms.CampaignSignUp, HubForms.SignUpValues("Made Up", email), "CfDJ8notarealtoken");

        await AssertFormTokenRefused(response);
        await AssertNotStored(email);
    }

    [Fact]
    public async Task A_Token_For_The_Other_Form_Is_A_400_Naming_It()
    {
        var email = HubForms.UniqueEmail("otherform");
        var registrationToken = await hub.Server.TokenAsync(HubForms.Registration);

        using var response = await hub.Server.SubmitWithTokenAsync(HubForms.CampaignSignUp, HubForms.SignUpValues("Other Form", email), registrationToken.FormToken);

        await AssertFormTokenRefused(response);
        await AssertNotStored(email);
    }

    [Fact]
    public async Task A_Form_Token_Can_Be_Used_For_Its_Own_Form()
    {
        var email = HubForms.UniqueEmail("ownform");
        var token = await hub.Server.TokenAsync(HubForms.CampaignSignUp);

        using var response = await hub.Server.SubmitWithTokenAsync(HubForms.CampaignSignUp, HubForms.SignUpValues("Own Form", email), token.FormToken);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}

/// <summary>A host whose clock the tests move, with a person needing at least an hour to fill a form.</summary>
public sealed class SlowFormsFixture : FormsHostFixture
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["IcssiCms:Registrations:Abuse:MinimumTimeToSubmit"] = "01:00:00",
        ["IcssiCms:Registrations:Abuse:FormTokenLifetime"] = "12:00:00",
    };

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Clock);
    }
}

[Collection(FormsApiCollection.Name)]
public sealed class MinimumTimeToSubmitTests(SlowFormsFixture hub) : IClassFixture<SlowFormsFixture>
{
    private static async Task AssertTooSoon(HttpResponseMessage response, int retryAfterSeconds)
    {
        await FormsClient.ReadProblemAsync(response, HttpStatusCode.TooManyRequests);
        Assert.Equal(TimeSpan.FromSeconds(retryAfterSeconds), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task An_Entry_Sent_Right_After_The_Form_Was_Shown_Is_A_429_Saying_How_Long_To_Wait()
    {
        var email = HubForms.UniqueEmail("toosoon");

        using var response = await hub.Server.SubmitAsync(HubForms.CampaignSignUp, HubForms.SignUpValues("Too Soon", email), HubCultures.English);

        await AssertTooSoon(response, 3600);
        Assert.DoesNotContain(await hub.Server.StaffRegistrationsAsync(FormsHostFixture.StaffApiKey), r => r.GetProperty("email").GetString() == email);
    }

    [Fact]
    public async Task The_Same_Token_Is_Accepted_Once_The_Minimum_Time_Has_Passed()
    {
        var email = HubForms.UniqueEmail("patient");
        var values = HubForms.RegistrationValues("Patient Person", email);
        var token = await hub.Server.TokenAsync(HubForms.Registration);

        hub.Clock.Advance(TimeSpan.FromMinutes(59));
        using (var early = await hub.Server.SubmitWithTokenAsync(HubForms.Registration, values, token.FormToken, HubCultures.Arabic))
        {
            await AssertTooSoon(early, 60);
        }

        hub.Clock.Advance(TimeSpan.FromMinutes(1));
        using var response = await hub.Server.SubmitWithTokenAsync(HubForms.Registration, values, token.FormToken, HubCultures.Arabic);

        var accepted = await FormsClient.ReadJsonAsync(response, HttpStatusCode.Accepted);
        Assert.Equal(HubDictionary.Text("Forms.RegisterMessage", HubCultures.Arabic), accepted.GetProperty("messageOnSubmit").GetString());
        Assert.Contains(await hub.Server.StaffRegistrationsAsync(FormsHostFixture.StaffApiKey), r => r.GetProperty("email").GetString() == email);
    }

    [Fact]
    public async Task A_Token_Older_Than_Its_Lifetime_Is_A_400_Naming_It()
    {
        var email = HubForms.UniqueEmail("expired");
        var token = await hub.Server.TokenAsync(HubForms.CampaignSignUp);

        hub.Clock.Advance(TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1));
        using var response = await hub.Server.SubmitWithTokenAsync(HubForms.CampaignSignUp, HubForms.SignUpValues("Expired", email), token.FormToken);

        var problem = await FormsClient.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("additionalData.formToken", problem.GetProperty("member").GetString());
        Assert.Contains("expired", problem.GetProperty("detail").GetString());
    }
}

[Collection(FormsApiCollection.Name)]
public sealed class PerIpRateLimitTests(PerIpLimitedFixture hub) : IClassFixture<PerIpLimitedFixture>
{
    [Fact]
    public async Task The_Entry_After_The_Limit_From_One_Address_Is_A_429_With_Retry_After_While_Another_Address_Still_Gets_Through()
    {
        const string visitor = "203.0.113.7";
        for (var i = 0; i < PerIpLimitedFixture.Limit; i++)
        {
            var form = i % 2 == 0 ? HubForms.CampaignSignUp : HubForms.Registration;
            var values = form == HubForms.Registration
                ? HubForms.RegistrationValues($"Visitor {i}", HubForms.UniqueEmail("visitor"))
                : HubForms.SignUpValues($"Visitor {i}", HubForms.UniqueEmail("visitor"));
            using var accepted = await hub.Server.SubmitAsync(form, values, HubCultures.English, forwardedFor: visitor);
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        var refusedEmail = HubForms.UniqueEmail("overlimit");
        using var refused = await hub.Server.SubmitAsync(HubForms.CampaignSignUp, HubForms.SignUpValues("Over Limit", refusedEmail), HubCultures.English, forwardedFor: visitor);

        await FormsClient.ReadProblemAsync(refused, HttpStatusCode.TooManyRequests);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromMinutes(50), TimeSpan.FromHours(1));
        Assert.DoesNotContain(await hub.Server.StaffRegistrationsAsync(FormsHostFixture.StaffApiKey), r => r.GetProperty("email").GetString() == refusedEmail);

        // The limit is the visitor's, not the server's that relays for every visitor.
        using var other = await hub.Server.SubmitAsync(HubForms.CampaignSignUp, HubForms.SignUpValues("Other Visitor", HubForms.UniqueEmail("othervisitor")),
            HubCultures.English, forwardedFor: "198.51.100.20");
        Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);

        // Reading forms is not limited.
        using var definition = await hub.Server.GetDefinitionAsync(HubForms.CampaignSignUp);
        Assert.Equal(HttpStatusCode.OK, definition.StatusCode);
    }

    [Fact]
    public async Task A_Forwarded_Address_From_A_Client_Without_The_Api_Key_Is_Not_Believed()
    {
        // A browser cannot escape its limit by inventing X-Forwarded-For addresses: all of its entries count as
        // its own connection's, whatever the header says.
        var browser = hub.Browser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= PerIpLimitedFixture.Limit; i++)
        {
            using var response = await browser.SubmitAsync(HubForms.CampaignSignUp, HubForms.SignUpValues($"Spoofer {i}", HubForms.UniqueEmail("spoofer")),
                HubCultures.English, forwardedFor: $"192.0.2.{i + 1}");
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses[..^1], s => Assert.Equal(HttpStatusCode.Accepted, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }
}

[Collection(FormsApiCollection.Name)]
public sealed class PerFormRateLimitTests(PerFormLimitedFixture hub) : IClassFixture<PerFormLimitedFixture>
{
    [Fact]
    public async Task The_Entry_After_The_Limit_To_One_Form_Is_A_429_With_Retry_After_While_The_Other_Form_Still_Takes_Entries()
    {
        for (var i = 0; i < PerFormLimitedFixture.Limit; i++)
        {
            using var accepted = await hub.Server.SubmitAsync(HubForms.Registration, HubForms.RegistrationValues($"Registrant {i}", HubForms.UniqueEmail("registrant")),
                HubCultures.English, forwardedFor: $"203.0.113.{i + 1}");
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        var refusedEmail = HubForms.UniqueEmail("formfull");
        using var refused = await hub.Server.SubmitAsync(HubForms.Registration, HubForms.RegistrationValues("Form Full", refusedEmail),
            HubCultures.English, forwardedFor: "203.0.113.99");

        await FormsClient.ReadProblemAsync(refused, HttpStatusCode.TooManyRequests);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromMinutes(50), TimeSpan.FromHours(1));
        Assert.DoesNotContain(await hub.Server.StaffRegistrationsAsync(FormsHostFixture.StaffApiKey), r => r.GetProperty("email").GetString() == refusedEmail);

        using var otherForm = await hub.Server.SubmitAsync(HubForms.CampaignSignUp, HubForms.SignUpValues("Campaigner", HubForms.UniqueEmail("campaigner")),
            HubCultures.English, forwardedFor: "203.0.113.99");
        Assert.Equal(HttpStatusCode.Accepted, otherForm.StatusCode);
    }
}

/// <summary>A fresh host, at most three entries per address an hour, whose first request the test makes.</summary>
public sealed class FreshPerIpLimitedFixture : FormsHostFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["IcssiCms:Registrations:Abuse:PerIpPermitLimit"] = PerIpLimitedFixture.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["IcssiCms:Registrations:Abuse:PerIpWindow"] = "01:00:00",
    };
}

[Collection(FormsApiCollection.Name)]
public sealed class RateLimitScopeTests(FreshPerIpLimitedFixture hub) : IClassFixture<FreshPerIpLimitedFixture>
{
    [Fact]
    public async Task Only_Entries_Count_Against_The_Limit_Even_When_The_Hosts_First_Request_Is_An_Entry()
    {
        // The in-process client has no remote address, like a host behind a proxy on a Unix socket.
        var browser = hub.Browser();
        using (var first = await browser.PostAsync(HubForms.CampaignSignUp, new StringContent("name=First", System.Text.Encoding.UTF8, "text/plain")))
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, first.StatusCode);
        }

        for (var i = 0; i < PerIpLimitedFixture.Limit + 2; i++)
        {
            using var definition = await browser.GetDefinitionAsync(HubForms.Registration, HubCultures.English);
            Assert.Equal(HttpStatusCode.OK, definition.StatusCode);
            using var content = await browser.Http.GetAsync("/umbraco/delivery/api/v2/content/item/" + HubForms.Conference.ToString("D"));
            Assert.Equal(HttpStatusCode.OK, content.StatusCode);
        }

        // And entries from that client are limited all the same.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < PerIpLimitedFixture.Limit; i++)
        {
            using var response = await browser.SubmitAsync(HubForms.CampaignSignUp, HubForms.SignUpValues($"Unaddressed {i}", HubForms.UniqueEmail("unaddressed")), HubCultures.English);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
    }
}
