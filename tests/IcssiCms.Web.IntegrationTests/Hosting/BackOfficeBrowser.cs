using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IcssiCms.Web.IntegrationTests.Hosting;

/// <summary>
/// Debian's chromium (headless, through Playwright; Playwright's own browser download does not work here, so a missing
/// <c>/usr/bin/chromium</c> fails the tests that use it), signing people in to a site's back office.
/// </summary>
public sealed class BackOfficeBrowser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private BackOfficeBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static async Task<BackOfficeBrowser> LaunchAsync()
    {
        SetDefaultExpectTimeout(15_000);
        Assert.True(File.Exists(ChromiumPath), $"These tests need Debian's chromium at {ChromiumPath} (apt-get install -y chromium).");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new BackOfficeBrowser(playwright, browser);
    }

    /// <summary>
    /// A fresh browser context (1280x800, en-US, in <paramref name="timeZone"/> or the machine's) signed in to the back
    /// office, on the page it lands on after signing in. What the page reports goes to the test's output, so that a
    /// failing run says why.
    /// </summary>
    public async Task<IPage> SignedInPageAsync(
        Uri site, string email, string password, ITestOutputHelper output, string? timeZone = null)
    {
        var context = await _browser.NewContextAsync(new()
        {
            BaseURL = site.ToString(),
            Locale = "en-US",
            TimezoneId = timeZone,
            ViewportSize = new() { Width = 1280, Height = 800 },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        page.Console += (_, message) => output.WriteLine($"console {message.Type}: {message.Text}");
        page.PageError += (_, error) => output.WriteLine($"page error: {error}");
        page.RequestFailed += (_, request) => output.WriteLine($"request failed: {request.Method} {request.Url} {request.Failure}");
        await page.GotoAsync("/umbraco");
        await page.Locator("#username-input").FillAsync(email);
        await page.Locator("#password-input").FillAsync(password);
        await page.Locator("#umb-login-button").ClickAsync();
        // Signed in once the back office has exchanged its code for the token (kept in a cookie) and left the login page.
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal) && !url.Contains("oauth_complete", StringComparison.Ordinal));
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new("^User profile for ") })).ToBeVisibleAsync();
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
