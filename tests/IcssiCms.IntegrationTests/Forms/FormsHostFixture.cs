using IcssiCms.EmbeddedHost.Usync;
using IcssiCms.IntegrationTests.Hosting;
using IcssiCms.Store.Importing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace IcssiCms.IntegrationTests.Forms;

/// <summary>
/// The Forms API tests, in one collection that runs on its own (as the Delivery API's does): each host sets up
/// Serilog on the static logger, and the privacy tests swap the process's console.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FormsApiCollection
{
    public const string Name = "Forms API";
}

/// <summary>
/// An embedded host on its own temporary store, seeded from the hub's uSync folder, with the Forms API on, a Forms
/// API key, a staff key, no minimum time to submit and limits no test reaches; a derived fixture overrides settings
/// (Umbraco's keys and the hub's) or services.
/// </summary>
public abstract class FormsHostFixture : IAsyncLifetime
{
    public const string FormsApiKey = "forms-api-key-for-tests";
    public const string StaffApiKey = "staff-api-key-for-tests";

    private readonly TemporaryFolder _folder = new();
    private EmbeddedHostFactory? _factory;

    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    /// <summary>Services to replace after the host's own, as <c>ConfigureTestServices</c> does.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public WebApplicationFactory<Program> Host { get; private set; } = null!;

    public string LogFolder => _factory!.LogFolder;

    public string MailFolder => _factory!.MailFolder;

    /// <summary>A server-to-server client: the Forms API key on every entry.</summary>
    public FormsClient Server { get; private set; } = null!;

    /// <summary>A new client with its own cookies (a browser), or none kept.</summary>
    public FormsClient Browser(bool handleCookies = true) =>
        new(Host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = handleCookies }), apiKey: null);

    /// <summary>A client sending this Api-Key (which may be wrong) with every entry.</summary>
    public FormsClient WithApiKey(string apiKey) => new(Host.CreateClient(), apiKey);

    public virtual async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["Umbraco:Forms:Options:EnableFormsApi"] = "true",
            ["Umbraco:Forms:Security:EnableAntiForgeryTokenForFormsApi"] = "true",
            ["Umbraco:Forms:Security:FormsApiKey"] = FormsApiKey,
            ["IcssiCms:Registrations:StaffApiKey"] = StaffApiKey,
            ["IcssiCms:Registrations:Abuse:RequireFormToken"] = "true",
            ["IcssiCms:Registrations:Abuse:MinimumTimeToSubmit"] = "00:00:00",
            ["IcssiCms:Registrations:Abuse:PerIpPermitLimit"] = "100000",
            ["IcssiCms:Registrations:Abuse:PerIpWindow"] = "00:00:01",
            ["IcssiCms:Registrations:Abuse:PerFormPermitLimit"] = "100000",
            ["IcssiCms:Registrations:Abuse:PerFormWindow"] = "00:00:01",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        _factory = new EmbeddedHostFactory(_folder.Path, EmbeddedHostFactory.HubUsyncFolder);
        Host = _factory.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(ConfigureServices);
        });

        var import = await Host.Services.GetRequiredService<ImportStatus>().Completion;
        if (import?.Outcome != ImportOutcome.Imported)
        {
            throw new InvalidOperationException($"The seeded hub was not imported: {import?.Outcome.ToString() ?? "no import"}.");
        }

        Server = new FormsClient(Host.CreateClient(), FormsApiKey);
    }

    public virtual async Task DisposeAsync()
    {
        // Disposing the factory disposes the one WithWebHostBuilder derived from it.
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        _folder.Dispose();
    }
}

/// <summary>The hub with the Forms API as a site would run it, and limits no test reaches.</summary>
public sealed class FormsHubFixture : FormsHostFixture;

/// <summary>The hub with the Forms API switched off, as Umbraco Forms ships.</summary>
public sealed class FormsApiDisabledFixture : FormsHostFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Umbraco:Forms:Options:EnableFormsApi"] = "false",
    };
}

/// <summary>At most three entries per client address an hour; forms unlimited.</summary>
public sealed class PerIpLimitedFixture : FormsHostFixture
{
    public const int Limit = 3;

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["IcssiCms:Registrations:Abuse:PerIpPermitLimit"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["IcssiCms:Registrations:Abuse:PerIpWindow"] = "01:00:00",
    };
}

/// <summary>At most three entries per form an hour; addresses unlimited.</summary>
public sealed class PerFormLimitedFixture : FormsHostFixture
{
    public const int Limit = 3;

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["IcssiCms:Registrations:Abuse:PerFormPermitLimit"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["IcssiCms:Registrations:Abuse:PerFormWindow"] = "01:00:00",
    };
}
