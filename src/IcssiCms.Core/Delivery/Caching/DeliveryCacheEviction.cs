using Examine;
using Examine.Lucene.Providers;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Notifications;

namespace IcssiCms.Core.Delivery.Caching;

/// <summary>
/// Keeps Umbraco's Delivery API output cache from serving a stale answer. Umbraco evicts the entries of the items
/// that changed, so a cached query that a newly published (or moved, or unpublished) item now belongs in keeps its
/// old answer until it expires. Here every cached content answer goes instead, twice: when the content cache refresher
/// says content changed, which it says on every server of a load-balanced site; and when that server's Delivery API
/// index has taken the change in (Umbraco indexes in the background, after the refresher), so that a query answered
/// from the index in between is not kept either. Each eviction advances the <see cref="ContentGeneration"/>, so that an
/// answer computed across it is not stored (<see cref="AnswersAcrossAChangePolicy"/>).
/// </summary>
public sealed class DeliveryCacheEviction(
    IServiceProvider services,
    IExamineManager examine,
    ContentGeneration generation,
    ILogger<DeliveryCacheEviction> logger)
    : INotificationAsyncHandler<ContentCacheRefresherNotification>, INotificationHandler<UmbracoApplicationStartingNotification>
{
    // Registered only when Umbraco's output cache is on (Umbraco:CMS:DeliveryApi:OutputCache:Enabled).
    private readonly IOutputCacheStore? _store = services.GetService<IOutputCacheStore>();
    private int _watching;

    public Task HandleAsync(ContentCacheRefresherNotification notification, CancellationToken cancellationToken) =>
        EvictAsync("content changed", cancellationToken);

    /// <summary>Starts following the Delivery API index, once, when Umbraco starts.</summary>
    public void Handle(UmbracoApplicationStartingNotification notification)
    {
        if (_store is null
            || Interlocked.Exchange(ref _watching, 1) == 1
            || !examine.TryGetIndex(Constants.UmbracoIndexes.DeliveryApiContentIndexName, out var index))
        {
            return;
        }

        // The index's searcher sees a change a moment after the write: wait for it (off Examine's indexing thread), then evict.
        index.IndexOperationComplete += (_, _) => _ = Task.Run(() =>
        {
            (index as LuceneIndex)?.WaitForChanges();
            return EvictAsync("the Delivery API index changed", CancellationToken.None);
        });
    }

    private async Task EvictAsync(string reason, CancellationToken cancellationToken)
    {
        if (_store is null)
        {
            return;
        }

        generation.Advance();
        try
        {
            await _store.EvictByTagAsync(Constants.DeliveryApi.OutputCache.AllContentTag, cancellationToken);
            logger.LogDebug("Evicted the Delivery API's cached content answers: {Reason}", reason);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not evict the Delivery API's cached content answers");
        }
    }
}
