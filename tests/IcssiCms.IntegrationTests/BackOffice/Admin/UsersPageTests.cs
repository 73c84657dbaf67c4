using System.Net;
using IcssiCms.EmbeddedHost.BackOffice.Pages;
using IcssiCms.Store.Storage;

namespace IcssiCms.IntegrationTests.BackOffice.Admin;

[Collection(BackOfficeCollection.Name)]
public sealed class UsersPageTests(BackOfficeHost host)
{
    private const string UsersPath = "/umbraco/admin/users";

    [Fact]
    public async Task Users_Page_Lists_Users_In_A_Captioned_Table_With_Labelled_Fields()
    {
        using var admin = await SignedInAdminAsync();

        var (html, _) = await BackOfficeHost.GetFormAsync(admin, UsersPath);
        using var response = await admin.GetAsync(UsersPath);

        Assert.True(response.Headers.CacheControl?.NoStore, "The users page must not be cached.");

        Assert.Contains("<caption>Back-office users</caption>", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(BackOfficeHost.AdminEmail), html, StringComparison.Ordinal);
        Assert.Contains("""<label for="Email">E-mail</label>""", html, StringComparison.Ordinal);
        Assert.Contains("""<label for="Password">Password</label>""", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Admin_Creates_An_Editor_Who_Signs_In_And_Gets_403_On_Admin_Pages()
    {
        using var admin = await SignedInAdminAsync();
        const string email = "new-editor@icssi.invalid";
        const string password = "a long editor password";

        var created = await PostAsync(admin, "Create", new() { ["Name"] = "New Editor", ["Email"] = email, ["Password"] = password, ["Role"] = BackOfficeRoles.Editor });
        var list = await admin.GetStringAsync(UsersPath);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("Created the editor New Editor.", list, StringComparison.Ordinal);
        Assert.DoesNotContain(password, list, StringComparison.Ordinal);
        var stored = Assert.Single(await host.UsersAsync(), u => u.Email == email);
        Assert.Equal(BackOfficeRoles.Editor, stored.Role);
        Assert.DoesNotContain(password, stored.PasswordHash, StringComparison.Ordinal);

        using var editor = host.CreateClient();
        var signIn = await BackOfficeHost.SignInAsync(editor, email, password);
        Assert.Equal("/umbraco/content", signIn.Headers.Location?.OriginalString);
        foreach (var path in new[] { UsersPath, "/umbraco/admin/registrations", $"/umbraco/admin/registrations/{Guid.NewGuid()}" })
        {
            using var response = await editor.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_Short_Password_Or_A_Taken_Email_Is_Refused_With_A_Message()
    {
        using var admin = await SignedInAdminAsync();

        var shortPassword = await PostAsync(admin, "Create", new() { ["Name"] = "Short", ["Email"] = "short@icssi.invalid", ["Password"] = "too short", ["Role"] = BackOfficeRoles.Editor });
        var taken = await PostAsync(admin, "Create", new() { ["Name"] = "Again", ["Email"] = BackOfficeHost.AdminEmail.ToUpperInvariant(), ["Password"] = "long enough password", ["Role"] = BackOfficeRoles.Editor });

        Assert.Contains("The password must have at least 10 characters.", await shortPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("A user with that e-mail address already exists.", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(await host.UsersAsync(), u => u.Email == "short@icssi.invalid");
    }

    [Fact]
    public async Task A_Locked_Out_User_Is_Unlocked_And_Signs_In_Again()
    {
        const string email = "unlock-me@icssi.invalid";
        const string password = "the locked user's password";
        var user = await host.AddUserAsync(email, password);
        using var client = host.CreateClient();
        for (var i = 0; i < BackOfficeHost.MaxFailedAttempts; i++)
        {
            await BackOfficeHost.SignInAsync(client, email, "a wrong password");
        }

        var refused = await BackOfficeHost.SignInAsync(client, email, password);
        Assert.Contains(WebUtility.HtmlEncode(SignInModel.Refused), await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var admin = await SignedInAdminAsync();
        Assert.Contains("Locked out", await admin.GetStringAsync(UsersPath), StringComparison.Ordinal);

        var unlocked = await PostAsync(admin, "Unlock", new() { ["key"] = user.Key.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        var stored = Assert.Single(await host.UsersAsync(), u => u.Key == user.Key);
        Assert.Null(stored.LockoutEnd);
        Assert.Equal(0, stored.FailedAttempts);
        var signIn = await BackOfficeHost.SignInAsync(client, email, password);
        Assert.Equal("/umbraco/content", signIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_Administrator_Sets_A_New_Password()
    {
        var user = await host.AddUserAsync("forgetful@icssi.invalid", "the old password");
        using var admin = await SignedInAdminAsync();

        var reset = await PostAsync(admin, "ResetPassword", new() { ["key"] = user.Key.ToString(), ["newPassword"] = "the brand new password" });

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        using var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await BackOfficeHost.SignInAsync(client, "forgetful@icssi.invalid", "the old password")).StatusCode);
        Assert.Equal("/umbraco/content", (await BackOfficeHost.SignInAsync(client, "forgetful@icssi.invalid", "the brand new password")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_New_Password_Set_By_An_Administrator_Ends_The_Users_Sessions_And_Leaves_Others_Signed_In()
    {
        var user = await host.AddUserAsync("signed-in-elsewhere@icssi.invalid", "the password in use");
        using var session = host.CreateClient();
        Assert.Equal(HttpStatusCode.Redirect, (await BackOfficeHost.SignInAsync(session, "signed-in-elsewhere@icssi.invalid", "the password in use")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/umbraco/content")).StatusCode);
        using var admin = await SignedInAdminAsync();

        var reset = await PostAsync(admin, "ResetPassword", new() { ["key"] = user.Key.ToString(), ["newPassword"] = "a password the thief lacks" });

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        using var ended = await session.GetAsync("/umbraco/content");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.StartsWith("https://localhost/umbraco?ReturnUrl=", ended.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Contains(ended.Headers.GetValues("Set-Cookie"), c => c.StartsWith("IcssiCms.BackOffice=;", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(UsersPath)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await BackOfficeHost.SignInAsync(session, "signed-in-elsewhere@icssi.invalid", "a password the thief lacks")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/umbraco/content")).StatusCode);
    }

    [Fact]
    public async Task Unlocking_A_User_Ends_The_Users_Sessions()
    {
        var user = await host.AddUserAsync("unlocked-elsewhere@icssi.invalid", "the unlocked user's password");
        using var session = host.CreateClient();
        Assert.Equal(HttpStatusCode.Redirect, (await BackOfficeHost.SignInAsync(session, "unlocked-elsewhere@icssi.invalid", "the unlocked user's password")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/umbraco/content")).StatusCode);
        using var admin = await SignedInAdminAsync();

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, "Unlock", new() { ["key"] = user.Key.ToString() })).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/umbraco/content")).StatusCode);
        Assert.NotEqual(user.SecurityStamp, Assert.Single(await host.UsersAsync(), u => u.Key == user.Key).SecurityStamp);
    }

    [Fact]
    public async Task Forms_Without_The_Antiforgery_Token_Are_Refused()
    {
        using var admin = await SignedInAdminAsync();

        var response = await admin.PostAsync(UsersPath + "?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "Forged", ["Email"] = "forged@icssi.invalid", ["Password"] = "a forged password", ["Role"] = BackOfficeRoles.Administrator,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(await host.UsersAsync(), u => u.Email == "forged@icssi.invalid");
    }

    private async Task<HttpClient> SignedInAdminAsync()
    {
        var client = host.CreateClient();
        var signIn = await BackOfficeHost.SignInAsync(client, BackOfficeHost.AdminEmail, BackOfficeHost.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, Dictionary<string, string> fields)
    {
        var (_, token) = await BackOfficeHost.GetFormAsync(client, UsersPath);
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync($"{UsersPath}?handler={handler}", new FormUrlEncodedContent(fields));
    }
}
