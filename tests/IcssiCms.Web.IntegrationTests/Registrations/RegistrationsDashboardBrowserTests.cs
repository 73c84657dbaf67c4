using System.Text;
using System.Text.Json;
using IcssiCms.Web.IntegrationTests.Forms;
using IcssiCms.Web.IntegrationTests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Models.Membership;
using Umbraco.Cms.Core.Services;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IcssiCms.Web.IntegrationTests.Registrations;

/// <summary>
/// The Registrations dashboard in the back office, in Debian's chromium (<see cref="Chromium"/>).
/// </summary>
[Collection(RegistrationsSiteCollection.Name)]
public sealed class RegistrationsDashboardBrowserTests(RegistrationsSite site, ITestOutputHelper output) : IAsyncLifetime
{
    private const string DashboardPath = "/umbraco/section/content/dashboard/registrations";

    private Chromium? _chromium;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(15_000);
        _chromium = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_Administrator_Sees_The_Counts_Opens_An_Event_Promotes_Someone_In_Line_And_Exports_Csv()
    {
        var token = Guid.NewGuid().ToString("N")[..6];
        var holderEmail = FormEntryTests.UniqueEmail("browser-holder");
        var aheadEmail = FormEntryTests.UniqueEmail("browser-ahead");
        var waitingEmail = FormEntryTests.UniqueEmail("browser-waiting");
        var waitingName = $"سارة {token}";
        var capacity = site.HeldAt(HubFormKeys.SocialEvent) + 1;
        EventCapacity.Publish(site, HubFormKeys.SocialEvent, capacity);
        await site.SignUpAsync($"Holder {token}", holderEmail, HubFormKeys.SocialEvent);
        await site.SignUpAsync($"Ahead {token}", aheadEmail, HubFormKeys.SocialEvent);
        Assert.Equal(["waitlisted"], await site.SignUpAsync(waitingName, waitingEmail, HubFormKeys.SocialEvent));
        var waiting = Assert.Single(site.Store.Of(waitingEmail).Registrations);
        var inLine = Assert.Single(site.Store.Of(aheadEmail).Registrations);

        var page = await SignedInPageAsync(HubSite.AdministratorEmail, HubSite.AdministratorPassword);
        await page.GotoAsync(DashboardPath);

        var eventRow = page.Locator($"uui-table-row[data-event-id='{HubFormKeys.SocialEvent:D}']");
        await Expect(eventRow.Locator("[data-column=capacity]")).ToHaveTextAsync(capacity.ToString());
        await Expect(eventRow.Locator("[data-column=held]")).ToHaveTextAsync(capacity.ToString());
        await Expect(eventRow.Locator("[data-column=waitlisted]")).Not.ToHaveTextAsync("0");

        await eventRow.GetByRole(AriaRole.Button).ClickAsync();
        var waitingRow = page.Locator($"uui-table-row[data-registration-id='{waiting.Key:D}']");
        await Expect(waitingRow.Locator("uui-table-cell[dir=auto]")).ToHaveTextAsync(waitingName);
        await Expect(waitingRow).ToContainTextAsync(waitingEmail);
        await Expect(waitingRow.Locator("[data-column=status]")).ToHaveTextAsync("waitlisted");
        await Expect(waitingRow.Locator("[data-column=place-in-line]")).Not.ToHaveTextAsync("1");

        // The event is full: promoting puts them first in line, ahead of those who came before.
        await waitingRow.GetByRole(AriaRole.Button, new() { Name = $"Promote {waitingName}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"The event is full: {waitingName} is first in line");
        await Expect(waitingRow.Locator("[data-column=place-in-line]")).ToHaveTextAsync("1");

        // A place frees (the capacity rises): it is theirs.
        EventCapacity.Publish(site, HubFormKeys.SocialEvent, capacity + 1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Back to all events" }).ClickAsync();
        await Expect(eventRow.Locator("[data-column=held]")).ToHaveTextAsync((capacity + 1).ToString());
        await eventRow.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(waitingRow.Locator("[data-column=status]")).ToHaveTextAsync("pending");
        await Expect(waitingRow.GetByRole(AriaRole.Button, new() { Name = $"Promote {waitingName}" })).ToHaveCountAsync(0);
        await Expect(page.Locator($"uui-table-row[data-registration-id='{inLine.Key:D}'] [data-column=status]")).ToHaveTextAsync("waitlisted");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Export CSV" }).ClickAsync());
        Assert.Equal("registrations.csv", download.SuggestedFilename);
        var csv = await System.IO.File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains($",{waitingName},{waitingEmail},") && l.Contains(",pending,"));
        Assert.Contains(lines, l => l.Contains(aheadEmail) && l.Contains(",waitlisted,"));
        Assert.All(lines.Skip(1), l => Assert.Contains($",{HubFormKeys.SocialEvent:D},", l));
    }

    [Fact]
    public async Task An_Administrator_Exports_A_Persons_Data_And_Erases_It_Only_Once_They_Confirm()
    {
        var email = FormEntryTests.UniqueEmail("browser-person");
        await site.SignUpAsync("Data Subject", email, HubFormKeys.Conference);
        var page = await SignedInPageAsync(HubSite.AdministratorEmail, HubSite.AdministratorPassword);
        await page.GotoAsync(DashboardPath);
        var address = page.GetByRole(AriaRole.Textbox, new() { Name = "E-mail address" });
        await address.FillAsync(email.ToUpperInvariant());

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Export their data" }).ClickAsync());
        Assert.Equal("person-data.json", download.SuggestedFilename);
        using (var exported = JsonDocument.Parse(await System.IO.File.ReadAllBytesAsync(await download.PathAsync())))
        {
            Assert.Equal(email, exported.RootElement.GetProperty("email").GetString());
            Assert.Equal("Data Subject", Assert.Single(exported.RootElement.GetProperty("registrations").EnumerateArray()).GetProperty("name").GetString());
        }

        var erase = page.GetByRole(AriaRole.Button, new() { Name = "Erase their data" });
        await erase.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true })).ToHaveCountAsync(0);
        Assert.Single(site.Store.Of(email).Registrations);

        await erase.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Erase", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Erased 1 sign-up record(s) and 1 registration(s).");
        var (records, registrations) = site.Store.Of(email);
        Assert.Empty(records);
        Assert.Empty(registrations);
    }

    [Fact]
    public async Task An_Editor_Sees_The_Counts_But_No_Names_Exports_Or_Erasure()
    {
        var (email, password) = await EditorWithPasswordAsync();
        var signUp = FormEntryTests.UniqueEmail("browser-editor");
        await site.SignUpAsync("Seen By Nobody", signUp, HubFormKeys.IraqSession);
        var held = site.HeldAt(HubFormKeys.IraqSession);

        var page = await SignedInPageAsync(email, password);
        await page.GotoAsync(DashboardPath);

        var eventRow = page.Locator($"uui-table-row[data-event-id='{HubFormKeys.IraqSession:D}']");
        await Expect(eventRow.Locator("[data-column=held]")).ToHaveTextAsync(held.ToString());
        await Expect(eventRow.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Export CSV" })).ToHaveCountAsync(0);
        await Expect(page.GetByLabel("E-mail address")).ToHaveCountAsync(0);
        await Expect(page.GetByText(signUp)).ToHaveCountAsync(0);
    }

    /// <summary>A fresh browser context signed in to the back office, on the page it lands on after signing in.</summary>
    private async Task<IPage> SignedInPageAsync(string email, string password)
    {
        var context = await _chromium!.Browser.NewContextAsync(new() { BaseURL = site.BaseAddress.ToString(), Locale = "en-US", AcceptDownloads = true });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        // What the page reports goes to the test's output, so that a failing run says why.
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

    /// <summary>A back-office user (not an API user) in the editors group, with the password Umbraco made for them.</summary>
    private async Task<(string Email, string Password)> EditorWithPasswordAsync()
    {
        var email = $"editor-{Guid.NewGuid():N}@localhost.invalid";
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<IUserService>();
        var created = await users.CreateAsync(
            Constants.Security.SuperUserKey,
            new UserCreateModel { Email = email, UserName = email, Name = "Browser Editor", Kind = UserKind.Default, UserGroupKeys = new HashSet<Guid> { Constants.Security.EditorGroupKey } },
            approveUser: true);
        Assert.True(created.Success, $"Editor not created: {created.Status}");
        return (email, created.Result.InitialPassword!);
    }
}
