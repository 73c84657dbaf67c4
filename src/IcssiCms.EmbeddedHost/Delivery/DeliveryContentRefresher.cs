using System.Diagnostics;
using IcssiCms.EmbeddedHost.Delivery.Indexing;
using IcssiCms.EmbeddedHost.Delivery.Snapshot;
using IcssiCms.EmbeddedHost.Webhooks;
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
    ContentWebhookPublisher webhooks,
    ILogger<DeliveryContentRefresher> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>
    /// After a change to drafts alone (a back-office save): only the draft snapshot, which previews read, is built
    /// again. What visitors see, the index, the output cache and webhooks are untouched, so a save on a large hub does
    /// not cost a publish.
    /// </summary>
    public async Task RefreshDraftsAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var clock = Stopwatch.StartNew();
            await using var scope = scopes.CreateAsyncScope();
            var draft = await scope.ServiceProvider.GetRequiredService<ContentSnapshotBuilder>().BuildDraftAsync(cancellationToken);
            snapshots.Replace(snapshots.Current, draft);
            logger.LogInformation("Draft content refreshed: {Items} items, in {Elapsed} ms", draft.Items.Count, clock.ElapsedMilliseconds);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// After any change to the store: both snapshots built again, the index brought up to date, the output cache
    /// emptied, webhooks raised. <paramref name="incremental"/> (a back-office publish, unpublish, trash or restore,
    /// which change content but not the schema) re-indexes only the items that changed; otherwise (an import) the index
    /// is rebuilt.
    /// </summary>
    public async Task RefreshAsync(CancellationToken cancellationToken, bool incremental = false)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var clock = Stopwatch.StartNew();
            await using var scope = scopes.CreateAsyncScope();
            var (snapshot, draft) = await scope.ServiceProvider.GetRequiredService<ContentSnapshotBuilder>().BuildAsync(cancellationToken);
            var previous = snapshots.Current;
            var changes = ContentChangeDetector.Detect(previous, snapshots.Draft, snapshot, draft);
            snapshots.Replace(snapshot, draft);
            // Indexed after the swap: a handler may read the new snapshot (a campaign's URL segment, an item's parent).
            var reindexed = incremental && !ReferenceEquals(previous, ContentSnapshot.Empty)
                ? indexer.Update(previous, snapshot)
                : indexer.Rebuild(snapshot);
            await outputCache.EvictByTagAsync(DeliveryApiOutputCachePolicy.ContentTag, cancellationToken);

            // After the swap, so a publish event's payload is the item as the API now serves it.
            webhooks.Publish(changes);

            // A refresh reads the whole store and builds every item anew; most of that is garbage a moment later.
            // An aggressive, compacting collection hands it back to the system instead of keeping it as heap.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            logger.LogInformation(
                "Delivery API content refreshed: {Items} published items, {Reindexed} indexed, {Changes} content events, in {Elapsed} ms; managed heap {HeapMegabytes} MB",
                snapshot.Items.Count, reindexed, changes.Count, clock.ElapsedMilliseconds, GC.GetTotalMemory(forceFullCollection: false) / (1024 * 1024));
        }
        finally
        {
            _gate.Release();
        }
    }
}
