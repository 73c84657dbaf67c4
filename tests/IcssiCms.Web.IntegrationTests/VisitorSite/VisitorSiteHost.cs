using System.Collections.Concurrent;
using IcssiCms.Core.Usync.Importing;
using IcssiCms.Web.IntegrationTests.Hosting;
using IcssiCms.Web.IntegrationTests.Registrations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Serilog.Core;
using Serilog.Events;
using VisitorSiteProgram = IcssiCms.VisitorSite.Program;

namespace IcssiCms.Web.IntegrationTests.VisitorSite;

[CollectionDefinition(Name)]
public sealed class VisitorSiteCollection : ICollectionFixture<VisitorSiteHost>
{
    public const string Name = "Visitor site";
}

/// <summary>
/// The Umbraco site (seeded, on Kestrel: <see cref="RegistrationsSite"/>) and the visitors' site in front of it, on
/// Kestrel at 127.0.0.1 too, sharing the Forms API key and talking over HTTP only; and Debian's chromium. The hub's
/// e-mails land in its pickup folder (<see cref="Mail"/>, sent when a test waits for one), their links on the visitors'
/// site.
/// </summary>
public sealed class VisitorSiteHost : RegistrationsSite
{
    private readonly WebApplicationFactory<VisitorSiteProgram> _site;
    private Chromium? _chromium;

    public VisitorSiteHost()
        : this(Loopback.FreeAddress())
    {
    }

    private VisitorSiteHost(Uri siteAddress)
        : base(new Dictionary<string, string?>
        {
            ["IcssiCms:Registrations:LinkTemplate"] = $"{siteAddress}registrations/{{action}}?token={{token}}",
        })
    {
        SiteAddress = siteAddress;
        Mail = new PickupFolder(this);
        _site = VisitorSites.InFrontOf(BaseAddress, new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Http:Url"] = SiteAddress.ToString(),
            ["IcssiCms:VisitorSite:FormsApiKey"] = FormsApiKey,
            // Places change within a test: ask the hub every time.
            ["IcssiCms:VisitorSite:PlacesCacheDuration"] = "00:00:00",
            // Everything the site and ASP.NET Core would log, down to Verbose, is kept for the tests to read.
            ["Serilog:MinimumLevel:Default"] = "Verbose",
            ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Verbose",
            ["Serilog:MinimumLevel:Override:System.Net.Http.HttpClient"] = "Verbose",
            ["Serilog:WriteTo:0:Args:restrictedToMinimumLevel"] = "Warning",
        }).WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(SiteLog)));
        _site.UseKestrel();
    }

    /// <summary>The visitors' site; the hub is at <see cref="RegistrationsSite.BaseAddress"/>.</summary>
    public Uri SiteAddress { get; }

    public PickupFolder Mail { get; }

    /// <summary>Every event the visitors' site logged, rendered with its properties.</summary>
    public LogCapture SiteLog { get; } = new();

    /// <summary>A fresh browser context with a phone's or a desktop's screen, whose relative URLs go to the visitors' site.</summary>
    public async Task<IPage> NewPageAsync(int width = 1100, int height = 900)
    {
        var browser = (_chromium ?? throw new InvalidOperationException("The browser did not start.")).Browser;
        var context = await browser.NewContextAsync(new() { BaseURL = SiteAddress.ToString(), ViewportSize = new() { Width = width, Height = height } });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>A client of the visitors' site over real HTTP, keeping cookies, following no redirects.</summary>
    public HttpClient SiteClient() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = SiteAddress };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Assert.Equal(UsyncImportOutcome.Imported, StartupImport?.Outcome);
        _site.StartServer();
        _chromium = await Chromium.LaunchAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        await _site.DisposeAsync();
        await base.DisposeAsync();
    }
}

/// <summary>A Serilog sink (found by the visitors' site's <c>ReadFrom.Services</c>) that keeps what was logged.</summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<string> _lines = new();

    public int Count => _lines.Count;

    public void Emit(LogEvent logEvent) =>
        _lines.Enqueue(logEvent.RenderMessage() + " " + string.Join(" ", logEvent.Properties.Select(p => $"{p.Key}={p.Value}")) + " " + logEvent.Exception);

    public bool Contains(string text) => _lines.Any(line => line.Contains(text, StringComparison.OrdinalIgnoreCase));
}
