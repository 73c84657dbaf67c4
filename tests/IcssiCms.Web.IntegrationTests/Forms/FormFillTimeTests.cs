using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using IcssiCms.Core.Registrations;
using IcssiCms.Core.Schema;
using IcssiCms.Web.IntegrationTests.Delivery;
using Microsoft.Extensions.DependencyInjection;

namespace IcssiCms.Web.IntegrationTests.Forms;

/// <summary>A browser that sends a form sooner than a person could fill it in is asked to wait (the site wants an hour).</summary>
[Collection(ConfiguredSiteCollection.Name)]
public sealed class FormFillTimeTests(ConfiguredSite site)
{
    [Fact]
    public async Task A_Form_Sent_Right_After_It_Was_Shown_Is_A_429_Saying_When_To_Try_Again()
    {
        using var browser = site.CreateClient();
        var (formToken, header, requestToken) = await BrowserEntryTests.TokensAsync(browser, HubFormKeys.CampaignSignUp);

        using var response = await BrowserEntryTests.PostAsync(
            browser, HubFormKeys.CampaignSignUp,
            BrowserEntryTests.Entry(FormEntryTests.SignUpValues("Too Fast", FormEntryTests.UniqueEmail("fast")), null, formToken),
            (header, requestToken));

        await FormDefinitionTests.ReadProblemAsync(response, HttpStatusCode.TooManyRequests);
        var retryAfter = int.Parse(response.Headers.GetValues("Retry-After").Single());
        Assert.InRange(retryAfter, 3_500, 3_600);
    }

    [Fact]
    public async Task A_Form_Shown_A_Minute_Short_Of_The_Least_Time_Is_Asked_To_Wait_About_That_Minute()
    {
        var email = FormEntryTests.UniqueEmail("nearly");
        var formToken = HoneypotAndTokenLifetimeTests.TokenShownAgo(site, HubFormKeys.CampaignSignUp, TimeSpan.FromMinutes(59));

        using var response = await PassOnAsync("198.51.100.31", HubFormKeys.CampaignSignUp, BrowserEntryTests.Entry(FormEntryTests.SignUpValues("Nearly", email), HubCultures.Arabic, formToken));

        await FormDefinitionTests.ReadProblemAsync(response, HttpStatusCode.TooManyRequests);
        Assert.InRange(int.Parse(response.Headers.GetValues("Retry-After").Single()), 50, 60);
        Assert.Empty(site.Services.GetRequiredService<RegistrationStore>().Of(email).Records);
    }

    [Fact]
    public async Task A_Form_Shown_An_Hour_Ago_Is_Accepted_With_The_Message_In_Its_Language()
    {
        var email = FormEntryTests.UniqueEmail("patient");
        var formToken = HoneypotAndTokenLifetimeTests.TokenShownAgo(site, HubFormKeys.CampaignSignUp, TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        using var response = await PassOnAsync("198.51.100.32", HubFormKeys.CampaignSignUp, BrowserEntryTests.Entry(FormEntryTests.SignUpValues("Patient Person", email), HubCultures.Arabic, formToken));

        var accepted = await DeliveryApiClient.ReadJsonAsync(response, HttpStatusCode.Accepted);
        Assert.Equal(HubDictionary.Text("Forms.SignUpMessage", HubCultures.Arabic), accepted.GetProperty("messageOnSubmit").GetString());
        Assert.Single(site.Services.GetRequiredService<RegistrationStore>().Of(email).Records);
    }

    /// <summary>
    /// An entry sent on by a server with the Forms API key, with its visitor's form token, from an address of its own
    /// (so that the per-address limit of the other tests is not this one's).
    /// </summary>
    private async Task<HttpResponseMessage> PassOnAsync(string visitorAddress, Guid form, JsonObject entry)
    {
        using var server = site.CreateClient();
        server.DefaultRequestHeaders.Add("Api-Key", ConfiguredSite.FormsApiKey);
        server.DefaultRequestHeaders.Add("X-Forwarded-For", $"{visitorAddress}, 10.0.0.1");
        return await server.PostAsync($"{FormEntryTests.EntriesPath}/{form:D}", new StringContent(entry.ToJsonString(), Encoding.UTF8, "application/json"));
    }
}

/// <summary>
/// An address that sends more entries than the site allows in its window is told to wait (the site allows five). The
/// entries come from a server with the Forms API key for a visitor whose address it forwards, so the test counts on an
/// address of its own.
/// </summary>
[Collection(ConfiguredSiteCollection.Name)]
public sealed class EntryRateLimitTests(ConfiguredSite site)
{
    [Fact]
    public async Task An_Address_Over_Its_Limit_Gets_429s_With_Retry_After_While_Another_Visitor_And_Other_Requests_Still_Get_Through()
    {
        using var server = site.CreateClient();
        server.DefaultRequestHeaders.Add("Api-Key", ConfiguredSite.FormsApiKey);
        server.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var response = await server.PostAsync(
                $"{FormEntryTests.EntriesPath}/{HubFormKeys.CampaignSignUp:D}",
                new StringContent(FormEntryTests.Entry(FormEntryTests.SignUpValues("Rate", FormEntryTests.UniqueEmail("rate"))).ToJsonString(), Encoding.UTF8, "application/json"));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var problem = await FormDefinitionTests.ReadProblemAsync(response, HttpStatusCode.TooManyRequests);
                Assert.Contains("Too many entries", problem.GetProperty("detail").GetString());
                Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single()) > 0);
            }
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Accepted, 5), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)], statuses);
        using var definition = await server.GetAsync($"{FormDefinitionTests.DefinitionsPath}/{HubFormKeys.CampaignSignUp:D}");
        Assert.Equal(HttpStatusCode.OK, definition.StatusCode);

        // The limit is the visitor's, not the server's that sends entries for every visitor.
        server.DefaultRequestHeaders.Remove("X-Forwarded-For");
        server.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.8");
        using var other = await server.PostAsync(
            $"{FormEntryTests.EntriesPath}/{HubFormKeys.CampaignSignUp:D}",
            new StringContent(FormEntryTests.Entry(FormEntryTests.SignUpValues("Other Visitor", FormEntryTests.UniqueEmail("othervisitor"))).ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
    }

    [Fact]
    public async Task A_Browser_Cannot_Escape_Its_Limit_By_Sending_Forwarded_Addresses_And_Still_Reads_Forms_And_Content()
    {
        // A browser of its own address (the in-process server gives none unless told), which makes up an
        // X-Forwarded-For address for each entry: without the Forms API key, the header is not believed.
        using var browser = new HttpClient(site.Server.CreateHandler(context => context.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.200")))
        {
            BaseAddress = site.Server.BaseAddress,
        };
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 6; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{FormEntryTests.EntriesPath}/{HubFormKeys.CampaignSignUp:D}")
            {
                Content = new StringContent(FormEntryTests.Entry(FormEntryTests.SignUpValues($"Spoofer {i}", FormEntryTests.UniqueEmail("spoofer"))).ToJsonString(), Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-Forwarded-For", $"192.0.2.{i}");
            using var response = await browser.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        // Five reach the form (which wants the browser's antiforgery token); the sixth is one too many.
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.BadRequest, 5), HttpStatusCode.TooManyRequests], statuses);
        using var definition = await browser.GetAsync($"{FormDefinitionTests.DefinitionsPath}/{HubFormKeys.CampaignSignUp:D}");
        Assert.Equal(HttpStatusCode.OK, definition.StatusCode);
        using var content = await browser.GetAsync(DeliveryApiClient.ItemByIdUrl(HubFormKeys.SaveTheTigris));
        Assert.Equal(HttpStatusCode.OK, content.StatusCode);
    }
}

/// <summary>A form that takes more entries than the site allows it in its window asks for a wait, and the other form still takes entries.</summary>
[Collection(ConfiguredSiteCollection.Name)]
public sealed class FormRateLimitTests(ConfiguredSite site)
{
    [Fact]
    public async Task The_Entry_After_A_Forms_Limit_Is_A_429_With_Retry_After_While_The_Other_Form_Still_Takes_Entries()
    {
        // Each entry from another visitor, so that only the form's limit is reached. The registration form is this
        // test's alone on the site (see ConfiguredSite).
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 1; i <= ConfiguredSite.PerFormLimit + 1 && refused is null; i++)
        {
            var response = await PassOnAsync($"203.0.113.{100 + i}", HubFormKeys.Registration, FormEntryTests.RegistrationValues($"Registrant {i}", FormEntryTests.UniqueEmail("registrant")));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Accepted, ConfiguredSite.PerFormLimit), HttpStatusCode.TooManyRequests], statuses);
        using (refused)
        {
            var problem = await FormDefinitionTests.ReadProblemAsync(refused!, HttpStatusCode.TooManyRequests);
            Assert.Contains("Too many entries", problem.GetProperty("detail").GetString());
            Assert.InRange(int.Parse(refused!.Headers.GetValues("Retry-After").Single()), 3_000, 3_600);
        }

        var email = FormEntryTests.UniqueEmail("campaigner");
        using var otherForm = await PassOnAsync("203.0.113.99", HubFormKeys.CampaignSignUp, FormEntryTests.SignUpValues("Campaigner", email));
        Assert.Equal(HttpStatusCode.Accepted, otherForm.StatusCode);
    }

    private async Task<HttpResponseMessage> PassOnAsync(string visitorAddress, Guid form, JsonObject values)
    {
        using var server = site.CreateClient();
        server.DefaultRequestHeaders.Add("Api-Key", ConfiguredSite.FormsApiKey);
        server.DefaultRequestHeaders.Add("X-Forwarded-For", visitorAddress);
        return await server.PostAsync($"{FormEntryTests.EntriesPath}/{form:D}", new StringContent(FormEntryTests.Entry(values).ToJsonString(), Encoding.UTF8, "application/json"));
    }
}
