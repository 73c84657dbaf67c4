using IcssiCms.EmbeddedHost.BackOffice;
using IcssiCms.EmbeddedHost.BackOffice.Content;
using IcssiCms.EmbeddedHost.Usync;
using IcssiCms.Store.Importing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace IcssiCms.BrowserTests;

/// <summary>Browser tests share one host and one browser, one test at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<BrowserHost>
{
    public const string Name = "Browser";
}

/// <summary>
/// The embedded host on Kestrel at 127.0.0.1 on a free port, on its own store seeded from the hub's uSync folder, with the first
/// administrator from Umbraco's unattended settings, a lockout after <see cref="MaxFailedAttempts"/> wrong
/// passwords, and a <see cref="FakeTimeProvider"/> as its clock (<see cref="Clock"/>; the scheduler checks every
/// <see cref="ScheduleCheckInterval"/> of it); and Debian's chromium, headless, driven by Playwright. Playwright's own browser download does not
/// work here, so a missing <c>/usr/bin/chromium</c> fails the tests (<c>.ci/run</c> installs it).
/// </summary>
public sealed class BrowserHost : IAsyncLifetime
{
    public const string AdminName = "Hub Administrator";
    public const string AdminEmail = "admin@icssi.invalid";
    public const string AdminPassword = "correct horse battery staple";
    public const int MaxFailedAttempts = 3;

    public static readonly TimeSpan ScheduleCheckInterval = TimeSpan.FromSeconds(5);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "icssi-browser-tests", Guid.NewGuid().ToString("N"));
    private readonly WebApplicationFactory<Program> _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserHost()
    {
        Directory.CreateDirectory(_folder);
        BaseAddress = TestEnvironment.FreeLoopbackAddress();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseContentRoot(TestEnvironment.RepositoryRoot())
            // appsettings.json's endpoint (127.0.0.1:5080) would win over code: point it at the free port instead.
            .UseSetting("Kestrel:Endpoints:Http:Url", BaseAddress.ToString())
            .UseSetting("IcssiCms:Registrations:PublicBaseUrl", BaseAddress.ToString())
            .UseSetting("ConnectionStrings:umbracoDbDSN", $"Data Source={Path.Combine(_folder, "Umbraco.sqlite.db")};Foreign Keys=True;Pooling=False")
            .UseSetting("Umbraco:CMS:Logging:Directory", Path.Combine(_folder, "Logs"))
            .UseSetting("Umbraco:CMS:Global:Smtp:PickupDirectoryLocation", Path.Combine(_folder, "Mail"))
            .UseSetting("uSync:Settings:RootFolder", Path.Combine(TestEnvironment.RepositoryRoot(), "uSync", "v17"))
            .UseSetting("uSync:Settings:ImportOnFirstBoot", "true")
            .UseSetting("uSync:Settings:ExportOnSave", "None")
            .UseSetting("Umbraco:CMS:Unattended:UnattendedUserName", AdminName)
            .UseSetting("Umbraco:CMS:Unattended:UnattendedUserEmail", AdminEmail)
            .UseSetting("Umbraco:CMS:Unattended:UnattendedUserPassword", AdminPassword)
            .UseSetting("Umbraco:CMS:Security:UserPassword:MaxFailedAccessAttemptsBeforeLockout", MaxFailedAttempts.ToString())
            .UseSetting(ContentScheduler.IntervalKey, ScheduleCheckInterval.ToString())
            .ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock)));
        _factory.UseKestrel();
    }

    public Uri BaseAddress { get; }

    /// <summary>The host's clock: it starts at the real time and moves only when a test advances it.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser did not start.");

    /// <summary>A fresh browser context (no cookies) with a page whose relative URLs go to the host.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseAddress.ToString(), Locale = "en-US" });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>A fresh page signed in to the back office (the administrator unless told), on the content page.</summary>
    public async Task<IPage> SignedInPageAsync(string email = AdminEmail, string password = AdminPassword)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/umbraco");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(BaseAddress, "/umbraco/content").ToString());
        return page;
    }

    public async Task InitializeAsync()
    {
        (_playwright, _browser) = await TestEnvironment.LaunchChromiumAsync();
        _factory.StartServer();
        await _factory.Services.GetRequiredService<FirstAdministrator>().Completion;
        var import = await _factory.Services.GetRequiredService<ImportStatus>().Completion;
        if (import?.Outcome != ImportOutcome.Imported)
        {
            throw new InvalidOperationException($"The hub's uSync folder was not imported: {import?.Outcome.ToString() ?? "no import"}.");
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _factory.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
