using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IcssiCms.Core.Publishing;
using IcssiCms.Core.Registrations.BackOffice;
using IcssiCms.Core.Schema;
using IcssiCms.Web.IntegrationTests.Delivery;
using IcssiCms.Web.IntegrationTests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Umbraco.Cms.Core.Services;
using Umbraco.Cms.Infrastructure.Services;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IcssiCms.Web.IntegrationTests.Editing;

/// <summary>
/// Issue #14's editors' journey in Umbraco's own back office, in chromium: the editor named in configuration writes
/// campaign news in English and Arabic, schedules and unpublishes it, and is refused the registrations' personal data;
/// the Delivery API shows what the visitors' site would serve. With <c>ICSSI_SCREENSHOTS</c> naming a folder, the
/// editor's steps are saved there as PNGs (the README's pictures).
/// </summary>
[Collection(EditingSiteCollection.Name)]
public sealed class EditorJourneyTests(EditingSite site, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly Guid SaveTheTigris = Guid.Parse("a9ff1064-cf1a-5661-b800-7b3fcfa41fa9");

    /// <summary>Where the hub's editors work: Baghdad, UTC+3 all year, so that a schedule's time zone shows.</summary>
    private const string EditorsTimeZone = "Asia/Baghdad";

    private BackOfficeBrowser? _browser;

    private IContentService Content => site.Services.GetRequiredService<IContentService>();

    public async Task InitializeAsync() => _browser = await BackOfficeBrowser.LaunchAsync();

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_Editor_Writes_News_In_English_And_Arabic_Is_Refused_Without_A_Campaign_Then_Publishes_Both()
    {
        const string english = "Walk for the Tigris";
        const string arabic = "مسيرة من أجل دجلة";
        var page = await EditorPageAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Expand child items for Iraqi Civil Society Solidarity Initiative" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Expand child items for Campaigns" }).ClickAsync();
        // A tree item's actions show when the pointer is over it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Save the Tigris", Exact = true }).HoverAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create item for Save the Tigris" }).ClickAsync();
        await page.Locator("uui-ref-node-document-type", new() { HasText = "Campaign News" }).ClickAsync();

        var englishView = Variant(page, HubCultures.English);
        await englishView.GetByRole(AriaRole.Textbox, new() { Name = "Enter a name..." }).FillAsync(english);
        await englishView.GetByRole(AriaRole.Textbox, new() { Name = "Field for Headline" }).FillAsync(english);
        await englishView.GetByRole(AriaRole.Textbox, new() { Name = "Body" }).ClickAsync();
        await page.Keyboard.TypeAsync("We walk along the river from Mosul to Basra.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Open version selector" }).ClickAsync();
        await page.GetByText("Arabic").First.HoverAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Open Arabic in split view" }).ClickAsync();
        // Umbraco 18 gives the Arabic side no direction of its own (no dir attribute; its fields compute ltr), so there is
        // no right-to-left to assert here: the Arabic lines up on the left.
        var arabicView = Variant(page, HubCultures.Arabic);
        await arabicView.GetByRole(AriaRole.Textbox, new() { Name = "Enter a name..." }).FillAsync(arabic);
        await arabicView.GetByRole(AriaRole.Textbox, new() { Name = "Field for Headline" }).FillAsync(arabic);
        await arabicView.GetByRole(AriaRole.Textbox, new() { Name = "Body" }).ClickAsync();
        await page.Keyboard.TypeAsync("نمشي على طول النهر من الموصل إلى البصرة.");
        await Expect(englishView.GetByRole(AriaRole.Textbox, new() { Name = "Enter a name..." })).ToHaveValueAsync(english);
        await ScreenshotAsync(page, "editor-english-and-arabic");

        // Refused by the hub's publishing rule: the back office shows its message in a notification, and nothing is published.
        await PublishAsync(page, arabic);
        var notification = page.Locator("uui-toast-notification", new() { HasText = NewsMustPickCampaign.Message });
        await Expect(notification).ToBeVisibleAsync();
        await Expect(notification).ToContainTextAsync($"'{english}': {NewsMustPickCampaign.Message}");
        Assert.DoesNotContain(NewsNamed(english), c => c.Published);
        await ScreenshotAsync(page, "editor-refused");
        await notification.GetByRole(AriaRole.Button, new() { Name = "close" }).ClickAsync();
        await Expect(notification).ToHaveCountAsync(0);
        var campaigns = englishView.Locator("[data-mark='property:campaigns']");
        await campaigns.ScrollIntoViewIfNeededAsync();
        await campaigns.GetByRole(AriaRole.Button, new() { Name = "Choose", Exact = true }).ClickAsync();
        var picker = page.Locator("umb-backoffice-modal-container");
        await picker.GetByRole(AriaRole.Button, new() { Name = "Expand child items for Iraqi Civil Society Solidarity Initiative" }).ClickAsync();
        await picker.GetByRole(AriaRole.Button, new() { Name = "Expand child items for Campaigns" }).ClickAsync();
        await picker.GetByText("Save the Tigris", new() { Exact = true }).ClickAsync();
        await picker.GetByRole(AriaRole.Button, new() { Name = "Choose", Exact = true }).ClickAsync();
        await Expect(campaigns.GetByRole(AriaRole.Link, new() { Name = "Save the Tigris" })).ToBeVisibleAsync();

        await PublishAsync(page, arabic);
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Document published" })).ToBeVisibleAsync();
        var published = Stopwatch.StartNew();
        var key = Assert.Single(NewsNamed(english)).Key;
        var served = await Task.WhenAll(
            ServedAsync(key, HubCultures.English, HttpStatusCode.OK, TimeSpan.FromSeconds(1)),
            ServedAsync(key, HubCultures.Arabic, HttpStatusCode.OK, TimeSpan.FromSeconds(1)));
        output.WriteLine($"Both cultures served {published.ElapsedMilliseconds} ms after the back office said published");
        await ScreenshotAsync(page, "editor-published");

        Assert.Equal(english, served[0].GetProperty("name").GetString());
        Assert.Equal(english, served[0].GetProperty("properties").GetProperty(HubContentTypes.CampaignNews.Headline).GetString());
        Assert.Equal(arabic, served[1].GetProperty("name").GetString());
        Assert.Equal(arabic, served[1].GetProperty("properties").GetProperty(HubContentTypes.CampaignNews.Headline).GetString());
        Assert.Contains("من الموصل إلى البصرة", served[1].GetProperty("properties").GetProperty(HubContentTypes.CampaignNews.Body).GetProperty("markup").GetString());
        Assert.Equal(SaveTheTigris, Assert.Single(served[0].GetProperty("properties").GetProperty(HubContentTypes.CampaignNews.Campaigns).EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_Publish_The_Editor_Schedules_Is_Carried_Out_By_Umbracos_Scheduled_Publishing_Job_At_Its_Time()
    {
        var (key, english, arabic) = News("Tigris clean-up day", "يوم تنظيف نهر دجلة", publish: false);
        var page = await EditorPageAsync(EditorsTimeZone);
        await page.GotoAsync($"/umbraco/section/content/workspace/document/edit/{key:D}/{HubCultures.English}");
        await Expect(Variant(page, HubCultures.English).GetByRole(AriaRole.Textbox, new() { Name = "Enter a name..." })).ToHaveValueAsync(english);

        // The dialog takes whole minutes, in the future when it is sent: the next one with time left to fill it in.
        var now = DateTimeOffset.UtcNow;
        var at = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(now.Second < 45 ? 1 : 2);
        var local = TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(EditorsTimeZone)).ToString("yyyy-MM-ddTHH:mm");
        await page.GetByRole(AriaRole.Button, new() { Name = "View more options" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule publish" }).ClickAsync();
        var dialog = page.Locator("umb-backoffice-modal-container");
        await dialog.GetByRole(AriaRole.Button, new() { Name = arabic }).ClickAsync();
        var publishAt = dialog.GetByRole(AriaRole.Textbox, new() { Name = "Publish at", Exact = true });
        await Expect(publishAt).ToHaveCountAsync(2);
        await publishAt.Nth(0).FillAsync(local);
        await publishAt.Nth(1).FillAsync(local);
        await ScreenshotAsync(page, "editor-schedule");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Schedule publish", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "A schedule for publishing has been updated" })).ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await DeliveryAsync(key, HubCultures.English)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await DeliveryAsync(key, HubCultures.Arabic)).Status);

        // What Umbraco's distributed job service does on its timer: take whichever job is due, run it, mark it done.
        var jobs = site.Services.GetRequiredService<IDistributedJobService>();
        await jobs.EnsureJobsAsync();
        var ran = new List<(string Job, DateTimeOffset At)>();
        var deadline = at + TimeSpan.FromSeconds(30);
        DateTimeOffset? servedAt = null;
        while (servedAt is null && DateTimeOffset.UtcNow < deadline)
        {
            if (await jobs.TryTakeRunnableAsync() is { } job)
            {
                ran.Add((job.Name, DateTimeOffset.UtcNow));
                try
                {
                    await job.ExecuteAsync();
                }
                finally
                {
                    await jobs.FinishAsync(job.Name);
                }
            }

            if ((await DeliveryAsync(key, HubCultures.English)).Status == HttpStatusCode.OK
                && (await DeliveryAsync(key, HubCultures.Arabic)).Status == HttpStatusCode.OK)
            {
                servedAt = DateTimeOffset.UtcNow;
            }
            else
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
        }

        Assert.True(servedAt is not null, $"Not published by {deadline:HH:mm:ss}; jobs run: {string.Join(", ", ran.Select(r => $"{r.Job} at {r.At:HH:mm:ss}"))}");
        Assert.True(servedAt >= at, $"Published at {servedAt:HH:mm:ss.fff}, before its time {at:HH:mm:ss}");
        Assert.Contains(ran, r => r.Job == "ScheduledPublishingJob" && r.At >= at);
        Assert.Equal(arabic, (await DeliveryAsync(key, HubCultures.Arabic)).Item.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Unpublishing_Arabic_Alone_Leaves_English_Served_And_Arabic_Gone()
    {
        var (key, english, arabic) = News("Tigris photo exhibition", "معرض صور نهر دجلة", publish: true);
        await ServedAsync(key, HubCultures.Arabic, HttpStatusCode.OK, TimeSpan.FromSeconds(5));
        var page = await EditorPageAsync();
        await page.GotoAsync($"/umbraco/section/content/workspace/document/edit/{key:D}/{HubCultures.English}");
        await Expect(Variant(page, HubCultures.English).GetByRole(AriaRole.Textbox, new() { Name = "Enter a name..." })).ToHaveValueAsync(english);

        await page.GetByRole(AriaRole.Button, new() { Name = "View more options" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Unpublish" }).ClickAsync();
        var dialog = page.Locator("umb-backoffice-modal-container");
        // The dialog starts with the language on screen chosen: the editor turns English off and Arabic on.
        var englishChoice = dialog.GetByRole(AriaRole.Button, new() { Name = english });
        var arabicChoice = dialog.GetByRole(AriaRole.Button, new() { Name = arabic });
        await Expect(englishChoice).ToHaveAttributeAsync("aria-pressed", "true");
        await englishChoice.ClickAsync();
        await arabicChoice.ClickAsync();
        await Expect(englishChoice).Not.ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(arabicChoice).ToHaveAttributeAsync("aria-pressed", "true");
        await ScreenshotAsync(page, "editor-unpublish-arabic");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Unpublish", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Document unpublished" })).ToBeVisibleAsync();

        await ServedAsync(key, HubCultures.Arabic, HttpStatusCode.NotFound, TimeSpan.FromSeconds(1));
        var served = await DeliveryAsync(key, HubCultures.English);
        Assert.Equal(HttpStatusCode.OK, served.Status);
        Assert.Equal(english, served.Item.GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_Editors_Own_Back_Office_Session_Is_Refused_The_Registrations_Export_And_Erasure()
    {
        var page = await EditorPageAsync();
        const string api = "/umbraco/management/api/v1/" + RegistrationsApiController.Route;

        // The dashboard's own call, with the token the back office sends (it keeps it in a cookie and names it here).
        var counts = await page.RunAndWaitForResponseAsync(
            () => page.GotoAsync("/umbraco/section/content/dashboard/registrations"),
            response => response.Url.EndsWith("/registrations/events", StringComparison.Ordinal));
        Assert.Equal((int)HttpStatusCode.OK, counts.Status);
        var session = new Dictionary<string, string> { ["Authorization"] = (await counts.Request.AllHeadersAsync())["authorization"] };
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Registrations" })).ToBeVisibleAsync();
        // RegistrationsDashboardBrowserTests shows that the dashboard offers an editor no export or erasure.

        var request = page.Context.APIRequest;
        Assert.Equal((int)HttpStatusCode.OK, (await request.GetAsync($"{api}/events", new() { Headers = session })).Status);
        Assert.Equal((int)HttpStatusCode.Forbidden, (await request.GetAsync($"{api}/export", new() { Headers = session })).Status);
        var person = new Dictionary<string, string>(session) { ["Content-Type"] = "application/json" };
        var body = JsonSerializer.Serialize(new { email = HubSite.EditorEmail });
        Assert.Equal((int)HttpStatusCode.Forbidden, (await request.PostAsync($"{api}/person/export", new() { Headers = person, Data = body })).Status);
        Assert.Equal((int)HttpStatusCode.Forbidden, (await request.PostAsync($"{api}/person/erase", new() { Headers = person, Data = body })).Status);
    }

    /// <summary>The editor named in configuration, signed in to the back office.</summary>
    private async Task<IPage> EditorPageAsync(string? timeZone = null)
    {
        var page = await _browser!.SignedInPageAsync(site.BaseAddress, HubSite.EditorEmail, HubSite.EditorPassword, output, timeZone);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"User profile for {HubSite.EditorName}" })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>One language's side of the document workspace (one side until a second is opened in split view).</summary>
    private static ILocator Variant(IPage page, string culture) =>
        page.Locator($"umb-workspace-split-view[data-mark='workspace-split-view:{culture}']");

    /// <summary>Save and publish, choosing the Arabic version too (the dialog starts with the one on screen).</summary>
    private static async Task PublishAsync(IPage page, string arabicName)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and publish…" }).ClickAsync();
        var arabic = page.Locator("umb-backoffice-modal-container").GetByRole(AriaRole.Button, new() { Name = arabicName });
        await Expect(arabic).ToBeVisibleAsync();
        if (await arabic.GetAttributeAsync("aria-pressed") != "true")
        {
            await arabic.ClickAsync();
        }

        await Expect(arabic).ToHaveAttributeAsync("aria-pressed", "true");
        var dialog = page.Locator("umb-backoffice-modal-container");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save and publish", Exact = true }).ClickAsync();
    }

    /// <summary>The news under Save the Tigris with this English name, as Umbraco has them.</summary>
    private IEnumerable<Umbraco.Cms.Core.Models.IContent> NewsNamed(string english) =>
        Content.GetPagedChildren(Content.GetById(SaveTheTigris)!.Id, 0, 100, out _, propertyAliases: null, filter: null, ordering: null)
            .Where(c => c.GetCultureName(HubCultures.English) == english);

    /// <summary>
    /// Campaign news under Save the Tigris in English and Arabic, saved through Umbraco's content service. Each test
    /// names its own: Umbraco would rename a second item of the same name, and the dialogs name the versions by it.
    /// </summary>
    private (Guid Key, string English, string Arabic) News(string english, string arabic, bool publish)
    {
        var item = NewsItems.Create(Content, SaveTheTigris, [(HubCultures.English, english), (HubCultures.Arabic, arabic)], SaveTheTigris);
        if (publish)
        {
            var published = Content.SaveAndPublish(item, [HubCultures.English, HubCultures.Arabic]);
            Assert.True(published.Success, $"{english}: {published.Result}");
        }
        else
        {
            var saved = Content.Save(item);
            Assert.True(saved.Success, $"{english}: {saved.Result}");
        }

        return (item.Key, english, arabic);
    }

    private async Task<(HttpStatusCode Status, JsonElement Item)> DeliveryAsync(Guid key, string culture)
    {
        using var http = site.CreateClient();
        using var response = await new DeliveryApiClient(http).SendAsync(DeliveryApiClient.ItemByIdUrl(key), culture);
        var item = response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
        return (response.StatusCode, item);
    }

    /// <summary>Asks the Delivery API for the item until it answers <paramref name="expected"/>, for at most <paramref name="within"/>.</summary>
    private async Task<JsonElement> ServedAsync(Guid key, string culture, HttpStatusCode expected, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var (status, item) = await DeliveryAsync(key, culture);
            if (status == expected)
            {
                return item;
            }

            Assert.True(clock.Elapsed < within, $"{culture}: {(int)status} after {clock.ElapsedMilliseconds} ms, not {(int)expected}");
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("ICSSI_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), Animations = ScreenshotAnimations.Disabled });
        }
    }
}
