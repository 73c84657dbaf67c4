using System.Net;
using IcssiCms.EmbeddedHost.BackOffice;
using IcssiCms.EmbeddedHost.BackOffice.Pages;
using IcssiCms.Store.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core.Configuration.Models;

namespace IcssiCms.IntegrationTests.BackOffice;

[Collection(BackOfficeCollection.Name)]
public sealed class SignInTests(BackOfficeHost host)
{
    private static readonly string RefusedHtml = WebUtility.HtmlEncode(SignInModel.Refused);

    [Fact]
    public async Task First_Administrator_Is_Created_From_The_Unattended_Settings_With_A_Hashed_Password()
    {
        var admin = Assert.Single(await host.UsersAsync(), u => u.Role == BackOfficeRoles.Administrator);

        Assert.Equal(BackOfficeHost.AdminName, admin.Name);
        Assert.Equal(BackOfficeHost.AdminEmail, admin.Email);
        Assert.DoesNotContain(BackOfficeHost.AdminPassword, admin.PasswordHash, StringComparison.Ordinal);
        var hasher = host.Services.GetRequiredService<IPasswordHasher<BackOfficeUser>>();
        Assert.NotEqual(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(admin, admin.PasswordHash, BackOfficeHost.AdminPassword));
    }

    [Fact]
    public async Task Wrong_Passwords_Sent_At_Once_Are_Each_Counted()
    {
        const int attempts = 40;
        var user = await host.AddUserAsync("counted-at-once@icssi.invalid", "the right password here");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, attempts).Select(_ => Task.Run(() => WrongPasswordAsync(user.Email, maxFailedAttempts: 1000))));

        Assert.All(outcomes, o => Assert.Equal(SignInOutcome.WrongPassword, o));
        var stored = Assert.Single(await host.UsersAsync(), u => u.Key == user.Key);
        Assert.Equal(attempts, stored.FailedAttempts);
        Assert.Null(stored.LockoutEnd);
    }

    [Fact]
    public async Task Wrong_Passwords_Sent_At_Once_Up_To_The_Limit_Lock_The_User_Out_Once()
    {
        const int limit = 12;
        var user = await host.AddUserAsync("locked-at-once@icssi.invalid", "the right password here");

        await Task.WhenAll(Enumerable.Range(0, limit).Select(_ => Task.Run(() => WrongPasswordAsync(user.Email, maxFailedAttempts: limit))));

        var stored = Assert.Single(await host.UsersAsync(), u => u.Key == user.Key);
        Assert.NotNull(stored.LockoutEnd);
        Assert.Equal(0, stored.FailedAttempts);
    }

    /// <summary>
    /// One wrong password through the host's sign-in service, in a scope (and so a database context) of its own. Run
    /// it on the thread pool: SQLite's "async" calls complete synchronously, so awaiting them alone runs nothing at once.
    /// </summary>
    private async Task<SignInOutcome> WrongPasswordAsync(string email, int maxFailedAttempts)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var security = new SecuritySettings();
        security.UserPassword.MaxFailedAccessAttemptsBeforeLockout = maxFailedAttempts;
        var signIn = new BackOfficeSignIn(
            scope.ServiceProvider.GetRequiredService<HubDbContext>(),
            scope.ServiceProvider.GetRequiredService<IPasswordHasher<BackOfficeUser>>(),
            Options.Create(security),
            TimeProvider.System,
            NullLogger<BackOfficeSignIn>.Instance);
        return (await signIn.SignInAsync(email, "not the right password", CancellationToken.None)).Outcome;
    }

    [Fact]
    public async Task Sign_In_Form_Has_Labelled_Fields_A_Button_And_The_Page_Language()
    {
        using var client = host.CreateClient();

        var (html, _) = await BackOfficeHost.GetFormAsync(client, "/umbraco");

        Assert.Contains("""<html lang="en" dir="ltr">""", html, StringComparison.Ordinal);
        Assert.Contains("""<label for="Email">E-mail</label>""", html, StringComparison.Ordinal);
        Assert.Contains("""<label for="Password">Password</label>""", html, StringComparison.Ordinal);
        Assert.Contains("""<button type="submit">Sign in</button>""", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Right_Password_Reaches_The_Landing_Page_With_A_Strict_Secure_Cookie()
    {
        using var client = host.CreateClient();

        var signIn = await BackOfficeHost.SignInAsync(client, BackOfficeHost.AdminEmail.ToUpperInvariant(), BackOfficeHost.AdminPassword);
        var landing = await client.GetAsync(signIn.Headers.Location);
        var html = await landing.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/umbraco/content", signIn.Headers.Location?.OriginalString);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("IcssiCms.BackOffice=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/umbraco", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, landing.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(BackOfficeHost.AdminName), html, StringComparison.Ordinal);
        Assert.Contains(">administrator<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_Password_Shows_An_Error_And_Stays_Signed_Out()
    {
        await host.AddUserAsync("wrong-password@icssi.invalid", "the right password");
        using var client = host.CreateClient();

        var signIn = await BackOfficeHost.SignInAsync(client, "wrong-password@icssi.invalid", "not the password");
        var html = await signIn.Content.ReadAsStringAsync();
        var landing = await client.GetAsync("/umbraco/content");

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains(RefusedHtml, html, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.False(signIn.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("IcssiCms.BackOffice=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Redirect, landing.StatusCode);
    }

    [Fact]
    public async Task Unknown_Email_Gets_The_Same_Answer_As_A_Wrong_Password()
    {
        await host.AddUserAsync("known@icssi.invalid", "the right password");
        using var client = host.CreateClient();

        var unknown = await (await BackOfficeHost.SignInAsync(client, "nobody@icssi.invalid", "the right password")).Content.ReadAsStringAsync();
        var wrong = await (await BackOfficeHost.SignInAsync(client, "known@icssi.invalid", "not the password")).Content.ReadAsStringAsync();

        Assert.Equal(ErrorOf(wrong), ErrorOf(unknown));
        Assert.Contains(RefusedHtml, unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeated_Wrong_Passwords_Lock_Out_Even_The_Right_Password()
    {
        var user = await host.AddUserAsync("locked@icssi.invalid", "the right password");
        using var client = host.CreateClient();

        for (var attempt = 0; attempt < BackOfficeHost.MaxFailedAttempts; attempt++)
        {
            await BackOfficeHost.SignInAsync(client, "locked@icssi.invalid", "not the password " + attempt);
        }

        var right = await BackOfficeHost.SignInAsync(client, "locked@icssi.invalid", "the right password");
        var html = await right.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains(RefusedHtml, html, StringComparison.Ordinal);
        var stored = Assert.Single(await host.UsersAsync(), u => u.Key == user.Key);
        Assert.True(stored.LockoutEnd > DateTime.UtcNow.AddDays(29), "Umbraco's default lockout is 43,200 minutes");
        Assert.Null(stored.LastLoginAt);
    }

    [Fact]
    public async Task Landing_Page_Redirects_To_Sign_In_When_Signed_Out()
    {
        using var client = host.CreateClient();

        var landing = await client.GetAsync("/umbraco/content");

        Assert.Equal(HttpStatusCode.Redirect, landing.StatusCode);
        Assert.Equal("/umbraco", landing.Headers.Location?.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Fumbraco%2Fcontent", landing.Headers.Location?.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_Signs_Out()
    {
        using var client = host.CreateClient();
        await BackOfficeHost.SignInAsync(client, BackOfficeHost.AdminEmail, BackOfficeHost.AdminPassword);
        var (html, token) = await BackOfficeHost.GetFormAsync(client, "/umbraco/content");
        Assert.Contains("action=\"/umbraco/logout\"", html, StringComparison.Ordinal);

        var logout = await client.PostAsync("/umbraco/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        var landing = await client.GetAsync("/umbraco/content");

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal("/umbraco", logout.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, landing.StatusCode);
    }

    [Fact]
    public async Task Sign_In_Without_The_Antiforgery_Token_Is_Refused()
    {
        using var client = host.CreateClient();
        await client.GetAsync("/umbraco");

        var signIn = await client.PostAsync("/umbraco", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = BackOfficeHost.AdminEmail,
            ["Password"] = BackOfficeHost.AdminPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
    }

    [Theory]
    [InlineData("/umbraco/delivery/api/v2/content")]
    [InlineData("/umbraco/swagger/delivery/swagger.json")]
    public async Task Api_Routes_Under_Umbraco_Are_Not_Back_Office_Pages(string path)
    {
        using var client = host.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    private static string ErrorOf(string html)
    {
        var start = html.IndexOf("id=\"sign-in-error\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "No error next to the form");
        return html[start..html.IndexOf("</p>", start, StringComparison.Ordinal)];
    }
}
