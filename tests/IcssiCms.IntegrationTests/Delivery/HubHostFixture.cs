using IcssiCms.EmbeddedHost.Usync;
using IcssiCms.IntegrationTests.Hosting;
using IcssiCms.Store.Importing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IcssiCms.IntegrationTests.Delivery;

/// <summary>
/// The Delivery API tests, in one collection that runs on its own: every host here calls Serilog's
/// <c>CreateBootstrapLogger</c> and <c>AddSerilog</c> on the static logger, and two hosts starting at once can freeze
/// each other's logger ("The logger is already frozen"). One seeded hub serves every read-only test.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DeliveryApiCollection : ICollectionFixture<SeededHubFixture>
{
    public const string Name = "Delivery API";
}

/// <summary>
/// An embedded host on its own temporary store, seeded from the hub's uSync folder, started and imported before
/// the first test; settings (Umbraco's keys) override the repository's appsettings.json.
/// </summary>
public abstract class HubHostFixture : IAsyncLifetime
{
    private readonly TemporaryFolder _folder = new();
    private EmbeddedHostFactory? _factory;

    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public WebApplicationFactory<Program> Host { get; private set; } = null!;

    /// <summary>Replaces services for a fixture with settings of its own (a fake clock, say); nothing by default.</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    public DeliveryApiClient Api { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        _factory = new EmbeddedHostFactory(_folder.Path, EmbeddedHostFactory.HubUsyncFolder);
        Host = Settings.Count == 0
            ? _factory
            : _factory.WithWebHostBuilder(builder =>
            {
                foreach (var (key, value) in Settings)
                {
                    builder.UseSetting(key, value);
                }

                builder.ConfigureTestServices(ConfigureTestServices);
            });

        // Umbraco's "rebuild the index" pitfall does not apply: the import completes only once the index is rebuilt.
        var import = await Host.Services.GetRequiredService<ImportStatus>().Completion;
        if (import?.Outcome != ImportOutcome.Imported)
        {
            throw new InvalidOperationException($"The seeded hub was not imported: {import?.Outcome.ToString() ?? "no import"}.");
        }

        Api = new DeliveryApiClient(Host.CreateClient());
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

/// <summary>The hub as <c>dotnet run</c> serves it: Delivery API on, public.</summary>
public sealed class SeededHubFixture : HubHostFixture;
