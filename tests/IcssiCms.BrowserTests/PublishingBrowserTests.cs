using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Playwright;

namespace IcssiCms.BrowserTests;

/// <summary>
/// Publishing from the edit page in a real browser: a publish and an unpublish scheduled in the schedule form and
/// carried out by the scheduler when the host's clock reaches them, and one culture unpublished while another stays;
/// each seen through the Delivery API.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PublishingBrowserTests(BrowserHost host)
{
    private const string English = "en-US";
    private const string Arabic = "ar";

    /// <summary>Save the Tigris, as the hub's uSync folder has it.</summary>
    private const string SaveTheTigrisKey = "a9ff1064-cf1a-5661-b800-7b3fcfa41fa9";

    [Fact]
    public async Task A_Publish_And_An_Unpublish_Scheduled_On_The_Edit_Page_Are_Carried_Out_When_Due_And_The_Delivery_API_Follows()
    {
        var page = await host.SignedInPageAsync();
        var headline = "Scheduled walk " + Guid.NewGuid().ToString("N")[..6];
        var key = await CreateNewsAsync(page, headline);
        await page.GetByRole(AriaRole.Region, new() { Name = "English (United States)" }).GetByLabel("Headline").FillAsync(headline);
        await page.GetByLabel("Campaigns").SelectOptionAsync(SaveTheTigrisKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The item was saved.");

        var publishAt = host.Clock.GetUtcNow().UtcDateTime.AddHours(1);
        await page.GetByLabel("English (United States): publish at (UTC)").FillAsync(ForInput(publishAt));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save schedule" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The item was scheduled.");
        await Assertions.Expect(page.GetByLabel("English (United States): publish at (UTC)")).ToHaveValueAsync(ForInput(publishAt));
        await Assertions.Expect(page.Locator("#history")).ToContainTextAsync($"schedule (en-US) by {BrowserHost.AdminName}: publish en-US at {publishAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC");
        host.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(HttpStatusCode.NotFound, await DeliveryStatusAsync(key, English));

        host.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await UntilDeliveryAnswersAsync(key, English, HttpStatusCode.OK), "The scheduled publish was not carried out.");
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "English (United States) (published)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#history")).ToContainTextAsync($"publish (en-US) by {BrowserHost.AdminName}");
        await Assertions.Expect(page.GetByLabel("English (United States): publish at (UTC)")).ToHaveValueAsync(string.Empty);

        var unpublishAt = host.Clock.GetUtcNow().UtcDateTime.AddMinutes(10);
        await page.GetByLabel("English (United States): unpublish at (UTC)").FillAsync(ForInput(unpublishAt));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save schedule" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The item was scheduled.");
        Assert.Equal(HttpStatusCode.OK, await DeliveryStatusAsync(key, English));

        host.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.True(await UntilDeliveryAnswersAsync(key, English, HttpStatusCode.NotFound), "The scheduled unpublish was not carried out.");
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "English (United States) (draft)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#history")).ToContainTextAsync($"unpublish (en-US) by {BrowserHost.AdminName}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Unpublishing_One_Culture_On_The_Edit_Page_Takes_It_Out_Of_The_Delivery_API_And_Leaves_The_Other()
    {
        var page = await host.SignedInPageAsync();
        var headline = "Two-language walk " + Guid.NewGuid().ToString("N")[..6];
        var key = await CreateNewsAsync(page, headline);
        var english = page.GetByRole(AriaRole.Region, new() { Name = "English (United States)" });
        var arabic = page.GetByRole(AriaRole.Region, new() { Name = "Arabic" });
        await english.GetByLabel("Headline").FillAsync(headline);
        await arabic.GetByLabel("Name").FillAsync("مسيرة بلغتين");
        await arabic.GetByLabel("Headline").FillAsync("مسيرة بلغتين من أجل دجلة");
        await page.GetByLabel("Campaigns").SelectOptionAsync(SaveTheTigrisKey);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Arabic" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The item was published.");
        Assert.Equal(HttpStatusCode.OK, await DeliveryStatusAsync(key, English));
        Assert.Equal(HttpStatusCode.OK, await DeliveryStatusAsync(key, Arabic));

        await page.GetByRole(AriaRole.Checkbox, new() { Name = "English (United States)" }).UncheckAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Arabic (published)" })).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Unpublish" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The item was unpublished.");
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Arabic (draft)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "English (United States) (published)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#history")).ToContainTextAsync($"unpublish (ar) by {BrowserHost.AdminName}");
        Assert.Equal(HttpStatusCode.NotFound, await DeliveryStatusAsync(key, Arabic));
        Assert.Equal(HttpStatusCode.OK, await DeliveryStatusAsync(key, English));
        await page.Context.CloseAsync();
    }

    private static string ForInput(DateTime at) => at.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    /// <summary>Creates campaign news under Save the Tigris from the tree, leaving the page on its edit page; its key.</summary>
    private static async Task<Guid> CreateNewsAsync(IPage page, string name)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Save the Tigris", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Create an item under Save the Tigris" }).ClickAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "Campaign News" }).CheckAsync();
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The item was created.");
        return Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^1]);
    }

    /// <summary>
    /// Waits, at most 15 seconds, for the Delivery API to answer the item with a status, moving the host's clock on by
    /// one scheduler interval between tries so that a check is always due.
    /// </summary>
    private async Task<bool> UntilDeliveryAnswersAsync(Guid key, string culture, HttpStatusCode status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await DeliveryStatusAsync(key, culture) != status)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            host.Clock.Advance(BrowserHost.ScheduleCheckInterval);
            await Task.Delay(100);
        }

        return true;
    }

    private async Task<HttpStatusCode> DeliveryStatusAsync(Guid key, string culture)
    {
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/umbraco/delivery/api/v2/content/item/{key:D}");
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(culture));
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
