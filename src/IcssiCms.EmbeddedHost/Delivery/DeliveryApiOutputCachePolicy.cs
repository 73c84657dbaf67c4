using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core.Configuration.Models;
using HeaderNames = Umbraco.Cms.Core.Constants.DeliveryApi.HeaderNames;

namespace IcssiCms.EmbeddedHost.Delivery;

/// <summary>
/// Output caching of the Delivery API as Umbraco's <c>Umbraco:CMS:DeliveryApi:OutputCache</c> settings have it: public
/// 200 responses only, for <c>ContentDuration</c>, one entry per URL and per <c>Accept-Language</c>, <c>Accept-Segment</c>
/// and <c>Start-Item</c>, all tagged so that a content change evicts them at once. Preview requests, and every
/// request while public access is off, go around the cache.
/// </summary>
internal sealed class DeliveryApiOutputCachePolicy(IOptionsMonitor<DeliveryApiSettings> settings) : IOutputCachePolicy
{
    public const string PolicyName = Umbraco.Cms.Core.Constants.DeliveryApi.OutputCache.ContentCachePolicy;
    public const string ContentTag = Umbraco.Cms.Core.Constants.DeliveryApi.OutputCache.AllContentTag;

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var current = settings.CurrentValue;
        var request = context.HttpContext.Request;
        var cacheable = current.OutputCache.Enabled
            && current.PublicAccess
            && !string.Equals(request.Headers[HeaderNames.Preview], "true", StringComparison.OrdinalIgnoreCase);

        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = current.OutputCache.ContentDuration;
        // The whole query string as sent: repeated filter, sort and id values keep their order (QueryKeys = "*"
        // would sort them in place, and the endpoint would then see them reordered).
        context.CacheVaryByRules.VaryByValues["query"] = request.QueryString.Value ?? string.Empty;
        context.CacheVaryByRules.HeaderNames = new([HeaderNames.AcceptLanguage, HeaderNames.AcceptSegment, HeaderNames.StartItem]);
        context.Tags.Add(ContentTag);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        if (context.HttpContext.Response.StatusCode != StatusCodes.Status200OK)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
