using System.Net.Http.Headers;
using System.Text.Json;
using IcssiCms.Core.Publishing;
using Microsoft.Playwright;

namespace IcssiCms.BrowserTests;

/// <summary>
/// Issue #6's editor's journey in a real browser: an editor writes campaign news under Save the Tigris in English and
/// Arabic, is refused without a campaign, picks it, publishes, and the Delivery API serves both cultures.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EditorJourneyBrowserTests(BrowserHost host)
{
    /// <summary>Save the Tigris, as the hub's uSync folder has it.</summary>
    private const string SaveTheTigrisKey = "a9ff1064-cf1a-5661-b800-7b3fcfa41fa9";

    [Fact]
    public async Task An_Editor_Writes_News_In_English_And_Arabic_Is_Refused_Without_A_Campaign_Then_Publishes_It()
    {
        var (email, password) = ("journey-editor@icssi.invalid", "the journey editor's password");
        var admin = await host.SignedInPageAsync(BrowserHost.AdminEmail, BrowserHost.AdminPassword);
        await BackOfficeBrowserTests.CreateUserAsync(admin, "Journey Editor", email, password, "Editor");
        await admin.Context.CloseAsync();
        var page = await host.SignedInPageAsync(email, password);
        var headline = "Walk for the Tigris " + Guid.NewGuid().ToString("N")[..6];
        const string arabicName = "مسيرة من أجل دجلة";
        const string arabicHeadline = "مسيرة من أجل نهر دجلة";

        await page.GetByRole(AriaRole.Link, new() { Name = "Save the Tigris", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Create an item under Save the Tigris" }).ClickAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "Campaign News" }).CheckAsync();
        await page.GetByLabel("Name").FillAsync(headline);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The item was created.");
        var key = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^1]);
        var english = page.GetByRole(AriaRole.Region, new() { Name = "English (United States)" });
        var arabic = page.GetByRole(AriaRole.Region, new() { Name = "Arabic" });
        await english.GetByLabel("Headline").FillAsync(headline);
        await english.GetByLabel("Body").FillAsync("<p>We walk along the river.</p>");
        await arabic.GetByLabel("Name").FillAsync(arabicName);
        await arabic.GetByLabel("Headline").FillAsync(arabicHeadline);
        await arabic.GetByLabel("Body").FillAsync("<p>نمشي على طول النهر.</p>");
        Assert.Equal("rtl", await arabic.GetByLabel("Headline").EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        Assert.Equal("ltr", await english.GetByLabel("Headline").EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Arabic" }).CheckAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The changes were refused");
        var campaigns = page.GetByLabel("Campaigns");
        await Assertions.Expect(campaigns).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(NewsMustPickCampaign.Message)));
        await Assertions.Expect(campaigns).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await DeliveryAsync(key, "en-US")).StatusCode);

        await campaigns.SelectOptionAsync(SaveTheTigrisKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The item was published.");
        using var inEnglish = await DeliveryJsonAsync(key, "en-US");
        using var inArabic = await DeliveryJsonAsync(key, "ar");
        Assert.Equal(headline, inEnglish.RootElement.GetProperty("name").GetString());
        Assert.Equal(headline, inEnglish.RootElement.GetProperty("properties").GetProperty("headline").GetString());
        Assert.Equal(arabicName, inArabic.RootElement.GetProperty("name").GetString());
        Assert.Equal(arabicHeadline, inArabic.RootElement.GetProperty("properties").GetProperty("headline").GetString());
        await Assertions.Expect(page.GetByRole(AriaRole.List).Filter(new() { HasText = "publish (en-US,ar) by Journey Editor" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    private async Task<HttpResponseMessage> DeliveryAsync(Guid key, string culture)
    {
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/umbraco/delivery/api/v2/content/item/{key:D}");
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(culture));
        return await client.SendAsync(request);
    }

    private async Task<JsonDocument> DeliveryJsonAsync(Guid key, string culture)
    {
        using var response = await DeliveryAsync(key, culture);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
