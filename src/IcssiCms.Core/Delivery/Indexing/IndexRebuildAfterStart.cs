using Examine;
using IcssiCms.Core.Usync.Importing;
using IcssiCms.Usync.Model;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Notifications;
using Umbraco.Cms.Core.Services;
using Umbraco.Cms.Core.Sync;
using Umbraco.Cms.Infrastructure.Examine;

namespace IcssiCms.Core.Delivery.Indexing;

/// <summary>
/// Umbraco's index rebuild after a start (in place of its <c>RebuildOnStartedHandler</c>): empty indexes, or all of them
/// on a cold boot, a minute after the site started. Umbraco waits that minute on its background queue, which also
/// carries the indexing of every publish, so nothing an editor published in the first minute reached the Delivery API
/// until it was over; here the minute is waited apart from the queue. A Delivery API index the startup import has just
/// rebuilt is not wiped and rebuilt again.
/// </summary>
public sealed class IndexRebuildAfterStart(
    ISyncBootStateAccessor bootState,
    IIndexRebuilder rebuilder,
    IExamineManager examine,
    IRuntimeState runtime,
    UsyncImportStatus startupImport,
    IHostApplicationLifetime lifetime,
    ILogger<IndexRebuildAfterStart> logger) : INotificationHandler<UmbracoApplicationStartedNotification>
{
    /// <summary>How long after the start the rebuild waits, as Umbraco's does.</summary>
    public static TimeSpan Delay { get; set; } = TimeSpan.FromMinutes(1);

    private int _started;

    public void Handle(UmbracoApplicationStartedNotification notification)
    {
        if (runtime.Level != RuntimeLevel.Run || Interlocked.Exchange(ref _started, 1) == 1)
        {
            return;
        }

        var coldBoot = bootState.GetSyncBootState() == SyncBootState.ColdBoot;
        _ = Task.Run(() => RebuildAsync(coldBoot, lifetime.ApplicationStopping));
    }

    private async Task RebuildAsync(bool coldBoot, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(Delay, stopping);
            var import = await startupImport.Completion.WaitAsync(stopping);
            var deliveryIndexIsFresh = import is { Outcome: UsyncImportOutcome.Imported }
                && (import.WrittenOf(UsyncItemType.Content) > 0 || import.WrittenOf(UsyncItemType.ContentType) > 0 || import.Deleted > 0);

            foreach (var index in examine.Indexes)
            {
                if (deliveryIndexIsFresh && index.Name == Constants.UmbracoIndexes.DeliveryApiContentIndexName)
                {
                    continue;
                }

                if (coldBoot || !index.IndexExists() || (index is IIndexStats stats && stats.GetDocumentCount() == 0))
                {
                    await rebuilder.RebuildIndexAsync(index.Name, TimeSpan.Zero, useBackgroundThread: false);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Rebuilding the indexes after the start failed");
        }
    }
}
