using System.Net;
using System.Text.RegularExpressions;
using IcssiCms.EmbeddedHost.BackOffice;
using IcssiCms.IntegrationTests.Hosting;
using IcssiCms.Store.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IcssiCms.IntegrationTests.BackOffice;

/// <summary>Back-office tests share one host, one test at a time, beside no other test class.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BackOfficeCollection : ICollectionFixture<BackOfficeHost>
{
    public const string Name = "BackOffice";
}

/// <summary>
/// The embedded host on its own empty store (no uSync import), with the first administrator in Umbraco's unattended
/// settings and a lockout after <see cref="MaxFailedAttempts"/> wrong passwords. Clients speak HTTPS and keep cookies.
/// </summary>
public sealed partial class BackOfficeHost : IAsyncLifetime
{
    public const string AdminName = "Hub Administrator";
    public const string AdminEmail = "admin@icssi.invalid";
    public const string AdminPassword = "correct horse battery staple";
    public const int MaxFailedAttempts = 3;

    private readonly TemporaryFolder _folder = new();
    private readonly EmbeddedHostFactory _factory;
    private readonly WebApplicationFactory<Program> _host;

    public BackOfficeHost()
    {
        _factory = new EmbeddedHostFactory(_folder.Path, EmbeddedHostFactory.HubUsyncFolder);
        _host = _factory.WithWebHostBuilder(builder => builder
            .UseSetting("uSync:Settings:ImportOnFirstBoot", "false")
            .UseSetting("uSync:Settings:ImportAtStartup", "None")
            .UseSetting("Umbraco:CMS:Unattended:UnattendedUserName", AdminName)
            .UseSetting("Umbraco:CMS:Unattended:UnattendedUserEmail", AdminEmail)
            .UseSetting("Umbraco:CMS:Unattended:UnattendedUserPassword", AdminPassword)
            .UseSetting("Umbraco:CMS:Security:UserPassword:MaxFailedAccessAttemptsBeforeLockout", MaxFailedAttempts.ToString()));
    }

    public IServiceProvider Services => _host.Services;

    public HttpClient CreateClient() =>
        _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

    /// <summary>Adds a user straight to the store, hashed as the host hashes.</summary>
    public async Task<BackOfficeUser> AddUserAsync(string email, string password, string role = BackOfficeRoles.Editor)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var user = new BackOfficeUser
        {
            Key = Guid.NewGuid(), Name = "Editor " + email, Email = email, PasswordHash = string.Empty, Role = role, CreatedAt = DateTime.UtcNow,
        };
        user.PasswordHash = scope.ServiceProvider.GetRequiredService<IPasswordHasher<BackOfficeUser>>().HashPassword(user, password);
        db.BackOfficeUsers.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    public async Task<List<BackOfficeUser>> UsersAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HubDbContext>().BackOfficeUsers.AsNoTracking().ToListAsync();
    }

    /// <summary>GETs a page and returns its HTML and the antiforgery token of its form.</summary>
    public static async Task<(string Html, string Token)> GetFormAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var token = AntiforgeryToken().Match(html);
        Assert.True(token.Success, $"No antiforgery token on {path}");
        return (html, WebUtility.HtmlDecode(token.Groups[1].Value));
    }

    /// <summary>Fills in and submits the sign-in form as a browser would.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        var (_, token) = await GetFormAsync(client, "/umbraco");
        return await client.PostAsync("/umbraco", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    public async Task InitializeAsync() => await Services.GetRequiredService<FirstAdministrator>().Completion;

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _factory.DisposeAsync();
        _folder.Dispose();
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
