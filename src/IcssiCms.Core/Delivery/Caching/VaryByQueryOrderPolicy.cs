using Microsoft.AspNetCore.OutputCaching;

namespace IcssiCms.Core.Delivery.Caching;

/// <summary>
/// An output cache base policy that keys answers by the query string as sent: ASP.NET Core's key sorts repeated values
/// (<c>sort=name:asc&amp;sort=level:asc</c> and the reverse make one key), but Umbraco applies sorts, and returns items
/// by id, in the order asked. It enables no caching itself.
/// </summary>
public sealed class VaryByQueryOrderPolicy : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        context.CacheVaryByRules.VaryByValues["query"] = context.HttpContext.Request.QueryString.Value ?? string.Empty;
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
}
