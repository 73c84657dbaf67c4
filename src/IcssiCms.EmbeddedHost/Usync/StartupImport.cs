using IcssiCms.Core.Forms.Delivery;
using IcssiCms.Core.Usync;
using IcssiCms.EmbeddedHost.Delivery;
using IcssiCms.EmbeddedHost.Forms;
using IcssiCms.EmbeddedHost.Registrations;
using IcssiCms.Store.Importing;
using IcssiCms.Store.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IcssiCms.EmbeddedHost.Usync;

/// <summary>
/// Brings the store up to date when the host starts: migrates the SQLite schema, then imports the uSync
/// folder as uSync's <c>ImportOnFirstBoot</c> and <c>ImportAtStartup</c> settings say. It runs in the
/// background, so the host answers <c>/healthz</c> (503) while it works.
/// </summary>
internal sealed class StartupImport(
    IServiceScopeFactory scopes,
    IOptions<UsyncSettings> settings,
    IHostEnvironment environment,
    ImportStatus status,
    DeliveryContentRefresher delivery,
    FormCatalog forms,
    RegistrationWriter registrations,
    ILogger<StartupImport> logger) : BackgroundService
{
    internal const string FirstBootKey = "IcssiCms.Usync.FirstBootImported";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            await RefuseUmbracoDatabaseAsync(db, stoppingToken);
            await db.Database.MigrateAsync(stoppingToken);

            // WAL (kept in the file once set): readers go on while registrations commit. Set here, while nothing else has the file open.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL", stoppingToken);

            var options = settings.Value;
            var firstBoot = options.ImportOnFirstBoot && !await db.KeyValues.AnyAsync(k => k.Key == FirstBootKey, stoppingToken);
            var groups = firstBoot ? options.FirstBootGroup : options.ImportAtStartup;
            if (!firstBoot && UsyncHandlersOff(groups))
            {
                logger.LogInformation("uSync startup import is off (ImportAtStartup: {Groups})", groups);
                await RefreshAsync(stoppingToken);
                status.Complete(null);
                return;
            }

            var folder = Path.GetFullPath(options.RootFolder, environment.ContentRootPath);
            var importer = scope.ServiceProvider.GetRequiredService<UsyncImporter>();
            var result = await importer.ImportAsync(folder, groups, force: firstBoot, stoppingToken);
            if (firstBoot && result.Succeeded)
            {
                db.KeyValues.Add(new KeyValue { Key = FirstBootKey, Value = groups, Updated = DateTime.UtcNow });
                await db.SaveChangesAsync(stoppingToken);
            }

            await RefreshAsync(stoppingToken);
            status.Complete(result);

            // Capacities may have been raised: places now free go to those waiting. The writer starts once the status is complete.
            _ = registrations.FillFreePlacesAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            status.Complete(null);
        }
        catch (Exception ex)
        {
            logger.LogCritical(ex, "uSync startup import failed");
            status.Fail(ex);
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        // Forms first: the delivery refresh evicts cached responses, and expanded form pickers render the forms.
        await forms.RefreshAsync(cancellationToken);
        await delivery.RefreshAsync(cancellationToken);
    }

    /// <summary>
    /// Both hosts read the same <c>umbracoDbDSN</c>; a file a real Umbraco site made is not this host's to migrate.
    /// </summary>
    private static async Task RefuseUmbracoDatabaseAsync(HubDbContext db, CancellationToken cancellationToken)
    {
        var umbracoTables = await db.Database
            .SqlQuery<int>($"SELECT COUNT(*) AS Value FROM sqlite_master WHERE type = 'table' AND name = 'umbracoNode'")
            .SingleAsync(cancellationToken);
        if (umbracoTables > 0)
        {
            throw new InvalidOperationException(
                "ConnectionStrings:umbracoDbDSN points at a database made by an Umbraco site; give the embedded host its own file.");
        }
    }

    private static bool UsyncHandlersOff(string groups) => IcssiCms.Usync.UsyncHandlers.IsOff(groups);
}
