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
