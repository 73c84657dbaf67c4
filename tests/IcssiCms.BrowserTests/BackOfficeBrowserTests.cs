using Microsoft.Playwright;

namespace IcssiCms.BrowserTests;

/// <summary>The back office in a real browser: signing in with the keyboard, lockout, and an administrator adding an editor.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BackOfficeBrowserTests(BrowserHost host)
{
    private const string Refused = "The e-mail address or password is not right.";

    [Fact]
    public async Task An_Administrator_Signs_In_With_The_Keyboard_And_Sees_The_Content_Page()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/umbraco");

        await page.GetByLabel("E-mail").FocusAsync();
        await page.Keyboard.TypeAsync(BrowserHost.AdminEmail);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(BrowserHost.AdminPassword);
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new Uri(host.BaseAddress, "/umbraco/content").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Content", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(BrowserHost.AdminName)).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Three_Wrong_Passwords_Lock_Out_With_The_Same_Message_As_A_Wrong_Password()
    {
        var (email, password) = ("lockout@icssi.invalid", "the lockout user's password");
        var admin = await SignedInAsync(BrowserHost.AdminEmail, BrowserHost.AdminPassword);
        await CreateUserAsync(admin, "Lockout User", email, password, "Editor");
        await admin.Context.CloseAsync();

        var page = await host.NewPageAsync();
        await page.GotoAsync("/umbraco");
        for (var attempt = 1; attempt <= BrowserHost.MaxFailedAttempts; attempt++)
        {
            await SubmitSignInAsync(page, email, "not the password " + attempt);
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(Refused);
        }

        await SubmitSignInAsync(page, email, password);

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(Refused);
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(host.BaseAddress, "/umbraco").ToString());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_Administrator_Creates_An_Editor_Signs_Out_And_The_Editor_Signs_In()
    {
        var (email, password) = ("browser-editor@icssi.invalid", "the browser editor's password");
        var page = await SignedInAsync(BrowserHost.AdminEmail, BrowserHost.AdminPassword);

        await CreateUserAsync(page, "Browser Editor", email, password, "Editor");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Back-office users" })).ToContainTextAsync(email);
        await page.GetByRole(AriaRole.Link, new() { Name = "Content" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("E-mail")).ToBeVisibleAsync();

        await SubmitSignInAsync(page, email, password);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Content", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Browser Editor")).ToBeVisibleAsync();
        var usersPage = await page.GotoAsync("/umbraco/admin/users");
        Assert.Equal(403, usersPage?.Status);
        await page.Context.CloseAsync();
    }

    private async Task<IPage> SignedInAsync(string email, string password)
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/umbraco");
        await SubmitSignInAsync(page, email, password);
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(host.BaseAddress, "/umbraco/content").ToString());
        return page;
    }

    private static async Task SubmitSignInAsync(IPage page, string email, string password)
    {
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    internal static async Task CreateUserAsync(IPage page, string name, string email, string password, string role)
    {
        await page.GotoAsync("/umbraco/admin/users");
        var form = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Create user" }) });
        await form.GetByLabel("Name").FillAsync(name);
        await form.GetByLabel("E-mail").FillAsync(email);
        await form.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await form.GetByRole(AriaRole.Radio, new() { Name = role }).CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Created the {role.ToLowerInvariant()} {name}.");
    }
}
