using System.Diagnostics;
using IcssiCms.EmbeddedHost.Delivery.Indexing;
using IcssiCms.EmbeddedHost.Delivery.Snapshot;
using IcssiCms.Store.Reading;
using Microsoft.AspNetCore.OutputCaching;

namespace IcssiCms.EmbeddedHost.Delivery;

/// <summary>
/// Brings what the Delivery API serves up to date with the store: a new published snapshot, then the index rebuilt
/// from it. Run after every import, so the index never lags the store (Umbraco's "rebuild the index" pitfall).
/// </summary>
internal sealed class DeliveryContentRefresher(
    IServiceScopeFactory scopes,
    ContentSnapshotAccessor snapshots,
    ContentIndexer indexer,
    IOutputCacheStore outputCache,
    ILogger<DeliveryContentRefresher> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var clock = Stopwatch.StartNew();
            await using var scope = scopes.CreateAsyncScope();
            var builder = scope.ServiceProvider.GetRequiredService<ContentSnapshotBuilder>();
            var snapshot = await builder.BuildAsync(ContentVersion.Published, cancellationToken);
            snapshots.Replace(snapshot, await builder.BuildAsync(ContentVersion.Draft, cancellationToken));
            indexer.Rebuild(snapshot);
            await outputCache.EvictByTagAsync(DeliveryApiOutputCachePolicy.ContentTag, cancellationToken);
            logger.LogInformation("Delivery API content refreshed: {Items} published items indexed in {Elapsed} ms", snapshot.Items.Count, clock.ElapsedMilliseconds);
        }
        finally
        {
            _gate.Release();
        }
    }
}
