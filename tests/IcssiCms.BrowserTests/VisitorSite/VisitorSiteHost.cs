using System.Text.RegularExpressions;
using IcssiCms.EmbeddedHost.Usync;
using IcssiCms.Store.Importing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Serilog.Core;
using Serilog.Events;

namespace IcssiCms.BrowserTests.VisitorSite;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class VisitorSiteCollection : ICollectionFixture<VisitorSiteHost>
{
    public const string Name = "Visitor site";
}

/// <summary>
/// The hub (the embedded host, on its own store seeded from a copy of the hub's uSync folder in which the social event
/// has one place) and the visitors' site pointed at it, both on Kestrel at 127.0.0.1, talking over HTTP only; and
/// Debian's chromium. The hub's e-mails land as .eml files in <see cref="MailFolder"/>; their links go to the site.
/// </summary>
public sealed class VisitorSiteHost : IAsyncLifetime
{
    public const string FormsApiKey = "visitor-site-tests-forms-key";
    public static readonly Guid SocialEventKey = Guid.Parse("ae334d44-83fc-5558-b117-e1dad3fc4275");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "icssi-site-tests", Guid.NewGuid().ToString("N"));
    private readonly WebApplicationFactory<Program> _hub;
    private readonly WebApplicationFactory<IcssiCms.VisitorSite.Program> _site;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public VisitorSiteHost()
    {
        var root = TestEnvironment.RepositoryRoot();
        var usync = Path.Combine(_folder, "uSync");
        CopyFolder(Path.Combine(root, "uSync", "v17"), usync);
        SetCapacity(usync, SocialEventKey, 1);

        HubAddress = TestEnvironment.FreeLoopbackAddress();
        SiteAddress = TestEnvironment.FreeLoopbackAddress();
        MailFolder = Path.Combine(_folder, "Mail");
        _hub = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseContentRoot(root)
            .UseSetting("Kestrel:Endpoints:Http:Url", HubAddress.ToString())
            .UseSetting("ConnectionStrings:umbracoDbDSN", $"Data Source={Path.Combine(_folder, "Umbraco.sqlite.db")};Foreign Keys=True;Pooling=False")
            .UseSetting("Umbraco:CMS:Logging:Directory", Path.Combine(_folder, "Logs"))
            .UseSetting("Umbraco:CMS:Global:Smtp:PickupDirectoryLocation", MailFolder)
            .UseSetting("uSync:Settings:RootFolder", usync)
            .UseSetting("uSync:Settings:ImportOnFirstBoot", "true")
            .UseSetting("uSync:Settings:ExportOnSave", "None")
            .UseSetting("Umbraco:Forms:Security:FormsApiKey", FormsApiKey)
            .UseSetting("IcssiCms:Registrations:LinkTemplate", new Uri(SiteAddress, "/registrations/{action}?token={token}").ToString().Replace("%7B", "{").Replace("%7D", "}"))
            // A person takes seconds to fill a form in; a browser driven by a test does not.
            .UseSetting("IcssiCms:Registrations:Abuse:MinimumTimeToSubmit", "00:00:00"));
        _hub.UseKestrel();

        _site = new WebApplicationFactory<IcssiCms.VisitorSite.Program>().WithWebHostBuilder(builder => builder
            .UseContentRoot(Path.Combine(root, "src", "IcssiCms.VisitorSite"))
            .UseSetting("Kestrel:Endpoints:Http:Url", SiteAddress.ToString())
            .UseSetting("IcssiCms:VisitorSite:HubBaseAddress", HubAddress.ToString())
            .UseSetting("IcssiCms:VisitorSite:FormsApiKey", FormsApiKey)
            // Places change within a test: ask the hub every time.
            .UseSetting("IcssiCms:VisitorSite:PlacesCacheDuration", "00:00:00")
            // Everything the site and ASP.NET Core would log, down to Verbose, is kept for the tests to read.
            .UseSetting("Serilog:MinimumLevel:Default", "Verbose")
            .UseSetting("Serilog:MinimumLevel:Override:Microsoft.AspNetCore", "Verbose")
            .UseSetting("Serilog:MinimumLevel:Override:System.Net.Http.HttpClient", "Verbose")
            .UseSetting("Serilog:WriteTo:0:Args:restrictedToMinimumLevel", "Warning")
            .ConfigureServices(services => services.AddSingleton<ILogEventSink>(SiteLog)));
        _site.UseKestrel();
    }

    public Uri HubAddress { get; }

    public Uri SiteAddress { get; }

    public string MailFolder { get; }

    /// <summary>Every event the site logged, rendered with its properties.</summary>
    public LogCapture SiteLog { get; } = new();

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser did not start.");

    /// <summary>A fresh browser context with a phone's or a desktop's screen, whose relative URLs go to the site.</summary>
    public async Task<IPage> NewPageAsync(int width = 1100, int height = 900)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = SiteAddress.ToString(), ViewportSize = new() { Width = width, Height = height } });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task InitializeAsync()
    {
        (_playwright, _browser) = await TestEnvironment.LaunchChromiumAsync();
        _hub.StartServer();
        var import = await _hub.Services.GetRequiredService<ImportStatus>().Completion;
        if (import?.Outcome != ImportOutcome.Imported)
        {
            throw new InvalidOperationException($"The hub's uSync folder was not imported: {import?.Outcome.ToString() ?? "no import"}.");
        }

        _site.StartServer();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _site.DisposeAsync();
        await _hub.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static void SetCapacity(string usync, Guid eventKey, int capacity)
    {
        var file = Directory.EnumerateFiles(Path.Combine(usync, "Content"), "*.config")
            .Single(f => File.ReadAllText(f).Contains($"Key=\"{eventKey}\"", StringComparison.OrdinalIgnoreCase));
        var text = Regex.Replace(File.ReadAllText(file), @"\s*<capacity>.*?</capacity>", string.Empty, RegexOptions.Singleline);
        File.WriteAllText(file, text.Replace("<Properties>", $"<Properties>\n    <capacity>\n      <Value><![CDATA[{capacity}]]></Value>\n    </capacity>", StringComparison.Ordinal));
    }
}

/// <summary>A Serilog sink (found by the site's <c>ReadFrom.Services</c>) that keeps what was logged.</summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

    public int Count => _lines.Count;

    public void Emit(LogEvent logEvent) =>
        _lines.Enqueue(logEvent.RenderMessage() + " " + string.Join(" ", logEvent.Properties.Select(p => $"{p.Key}={p.Value}")) + " " + logEvent.Exception);

    public bool Contains(string text) => _lines.Any(line => line.Contains(text, StringComparison.OrdinalIgnoreCase));
}
