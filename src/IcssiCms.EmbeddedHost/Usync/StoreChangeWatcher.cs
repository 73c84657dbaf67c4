using IcssiCms.Core.Forms.Delivery;
using IcssiCms.EmbeddedHost.Delivery;
using IcssiCms.EmbeddedHost.Forms;
using IcssiCms.EmbeddedHost.Registrations;
using IcssiCms.Store.Importing;
using IcssiCms.Store.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IcssiCms.EmbeddedHost.Usync;

public sealed class StoreWatchOptions
{
    public const string SectionName = "IcssiCms:Store";

    /// <summary>How often the host checks whether another process (<c>usync apply</c>) changed its store.</summary>
    public TimeSpan ReloadCheckInterval { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>
/// Serves a change that <c>usync apply</c> wrote to this host's store without a restart: every import raises the
/// store's revision in its own transaction; when the revision moves, the host reloads its forms, its content
/// snapshots and index (evicting cached responses), and gives places that a raised capacity freed to those waiting.
/// </summary>
internal sealed class StoreChangeWatcher(
    IServiceScopeFactory scopes,
    ImportStatus importStatus,
    FormCatalog forms,
    DeliveryContentRefresher delivery,
    RegistrationWriter registrations,
    IOptions<StoreWatchOptions> options,
    TimeProvider time,
    ILogger<StoreChangeWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await importStatus.Completion.WaitAsync(stoppingToken);
            var known = await ReadRevisionAsync(stoppingToken);
            using var timer = new PeriodicTimer(options.Value.ReloadCheckInterval, time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var revision = await ReadRevisionAsync(stoppingToken);
                if (revision == known)
                {
                    continue;
                }

                logger.LogInformation("The store changed (revision {Old} to {New}): reloading forms and content", known, revision);
                await forms.RefreshAsync(stoppingToken);
                await delivery.RefreshAsync(stoppingToken);
                await registrations.FillFreePlacesAsync(stoppingToken);
                known = revision;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Watching the store for changes stopped; restart the host to serve later changes");
        }
    }

    private async Task<long> ReadRevisionAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        return await StoreRevision.ReadAsync(connection, cancellationToken);
    }
}
