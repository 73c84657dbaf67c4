using Microsoft.Extensions.Caching.Hybrid;

namespace IcssiCms.VisitorSite.Hub;

/// <summary>
/// Response bodies from the hub kept for a while (an empty body stands for "not found", which is kept too). A duration
/// of zero asks the hub every time.
/// </summary>
public sealed class HubResponseCache(HybridCache cache)
{
    public async Task<string?> GetOrFetchAsync(string key, TimeSpan duration, Func<CancellationToken, Task<string?>> fetch, CancellationToken cancellationToken)
    {
        if (duration <= TimeSpan.Zero)
        {
            return await fetch(cancellationToken);
        }

        var body = await cache.GetOrCreateAsync(
            key,
            fetch,
            static async (fetch, ct) => await fetch(ct) ?? string.Empty,
            new HybridCacheEntryOptions { Expiration = duration, LocalCacheExpiration = duration },
            cancellationToken: cancellationToken);
        return body.Length == 0 ? null : body;
    }
}
