using System.Threading.RateLimiting;
using IcssiCms.Core.Registrations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IcssiCms.Core.Forms.Delivery;

/// <summary>
/// Rate limits on form entries, per client IP and per form, answering 429 with <c>Retry-After</c>. A server sending
/// entries with the Forms API key sends them for its visitors, so its visitor's address (the first
/// <c>X-Forwarded-For</c>) is the one counted; anyone else's forwarded header is ignored.
/// </summary>
public static class FormRateLimits
{
    /// <summary>
    /// The partition of every request that is not an entry. Limited partitions are prefixed (<c>ip:</c>, <c>form:</c>)
    /// so that no client or form can share it: a partitioned limiter keeps the first limiter made for a key, so an
    /// entry from a client without an address (key "") used to get this one, unlimited, or, if it came first, put
    /// every other request of the host under the per-IP limit.
    /// </summary>
    private const string NotAnEntry = "none";

    public static void Configure(RateLimiterOptions options, IConfiguration configuration)
    {
        var abuse = configuration.GetSection(RegistrationOptions.SectionName).Get<RegistrationOptions>()?.Abuse ?? new AbuseOptions();
        var perIp = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            FormOf(context) is null
                ? RateLimitPartition.GetNoLimiter(NotAnEntry)
                : RateLimitPartition.GetFixedWindowLimiter("ip:" + ClientAddress(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = abuse.PerIpPermitLimit,
                    Window = abuse.PerIpWindow,
                    QueueLimit = 0,
                }));
        var perForm = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            FormOf(context) is not { } form
                ? RateLimitPartition.GetNoLimiter(NotAnEntry)
                : RateLimitPartition.GetFixedWindowLimiter("form:" + form, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = abuse.PerFormPermitLimit,
                    Window = abuse.PerFormWindow,
                    QueueLimit = 0,
                }));
        options.GlobalLimiter = PartitionedRateLimiter.CreateChained(perIp, perForm);
        options.OnRejected = async (context, cancellationToken) =>
        {
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
            var result = Problems.TooManyRequests(context.HttpContext, retryAfter, "Too many entries; try again later.");
            context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            await result.ExecuteAsync(context.HttpContext);
        };
    }

    /// <summary>The form an entry is posted to, or null for any other request.</summary>
    private static string? FormOf(HttpContext context)
    {
        var path = context.Request.Path;
        if (!HttpMethods.IsPost(context.Request.Method) || !path.StartsWithSegments(FormsDeliveryApi.EntriesPath, StringComparison.OrdinalIgnoreCase, out var rest))
        {
            return null;
        }

        return rest.Value?.Trim('/').ToLowerInvariant();
    }

    private static string ClientAddress(HttpContext context)
    {
        if (context.RequestServices.GetRequiredService<FormsAccess>().IsServer(context)
            && context.Request.Headers["X-Forwarded-For"].ToString().Split(',')[0].Trim() is { Length: > 0 } forwarded)
        {
            return forwarded;
        }

        return context.Connection.RemoteIpAddress?.ToString() ?? string.Empty;
    }
}
