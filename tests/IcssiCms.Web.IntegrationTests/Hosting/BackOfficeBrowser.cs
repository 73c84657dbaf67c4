using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IcssiCms.Web.IntegrationTests.Hosting;

/// <summary>Debian's chromium (<see cref="Chromium"/>), signing people in to a site's back office.</summary>
public sealed class BackOfficeBrowser : IAsyncDisposable
{
    private readonly Chromium _chromium;

    private BackOfficeBrowser(Chromium chromium) => _chromium = chromium;

    public static async Task<BackOfficeBrowser> LaunchAsync()
    {
        SetDefaultExpectTimeout(15_000);
        return new BackOfficeBrowser(await Chromium.LaunchAsync());
    }

    /// <summary>
    /// A fresh browser context (1280x800, en-US, in <paramref name="timeZone"/> or the machine's) signed in to the back
    /// office, on the page it lands on after signing in. What the page reports goes to the test's output, so that a
    /// failing run says why.
    /// </summary>
    public async Task<IPage> SignedInPageAsync(
        Uri site, string email, string password, ITestOutputHelper output, string? timeZone = null)
    {
        var context = await _chromium.Browser.NewContextAsync(new()
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
        await _chromium.DisposeAsync();
    }
}
