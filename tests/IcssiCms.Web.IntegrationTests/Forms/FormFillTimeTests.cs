using System.Net;
using IcssiCms.Web.IntegrationTests.Delivery;

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
    public async Task An_Address_Over_Its_Limit_Gets_429s_With_Retry_After_And_Other_Requests_Still_Answer()
    {
        using var server = site.CreateClient();
        server.DefaultRequestHeaders.Add("Api-Key", ConfiguredSite.FormsApiKey);
        server.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var response = await server.PostAsync(
                $"{FormEntryTests.EntriesPath}/{HubFormKeys.CampaignSignUp:D}",
                new StringContent(FormEntryTests.Entry(FormEntryTests.SignUpValues("Rate", FormEntryTests.UniqueEmail("rate"))).ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
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
    }
}
