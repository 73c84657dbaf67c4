using Microsoft.AspNetCore.OutputCaching;

namespace IcssiCms.Core.Delivery.Caching;

/// <summary>
/// An output cache base policy that keeps out of the cache any answer computed while content changed: a query that read
/// the index just before a publish reached it, and finished just after its cached answers were evicted, would otherwise
/// be stored stale for the whole cache duration. It enables no caching itself.
/// </summary>
public sealed class AnswersAcrossAChangePolicy(ContentGeneration generation) : IOutputCachePolicy
{
    private const string StartedAtKey = "IcssiCms.ContentGenerationAtRequestStart";

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        context.HttpContext.Items[StartedAtKey] = generation.Current;
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (context.HttpContext.Items[StartedAtKey] is long startedAt && startedAt != generation.Current)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
