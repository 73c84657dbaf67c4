using IcssiCms.EmbeddedHost.Delivery.Snapshot;
using Microsoft.Net.Http.Headers;
using Umbraco.Cms.Core.DeliveryApi;

namespace IcssiCms.EmbeddedHost.Delivery;

/// <summary>
/// Umbraco's <see cref="IRequestCultureService"/>: the culture of the request's <c>Accept-Language</c> header when it
/// names one of the hub's languages (best quality first; <c>ar-IQ</c> matches <c>ar</c>), else the default language.
/// </summary>
internal sealed class RequestCultureService(IHttpContextAccessor httpContext, ContentSnapshotAccessor snapshots) : IRequestCultureService
{
    public string? GetRequestedCulture()
    {
        var snapshot = snapshots.Current;
        var header = httpContext.HttpContext?.Request.Headers[HeaderNames.AcceptLanguage].ToString();
        if (!string.IsNullOrWhiteSpace(header) && StringWithQualityHeaderValue.TryParseList(header.Split(','), out var requested))
        {
            foreach (var language in requested.OrderByDescending(l => l.Quality ?? 1).Select(l => l.Value.ToString()))
            {
                var match = snapshot.Cultures.FirstOrDefault(c => string.Equals(c, language, StringComparison.OrdinalIgnoreCase))
                    ?? snapshot.Cultures.FirstOrDefault(c => string.Equals(c, language.Split('-')[0], StringComparison.OrdinalIgnoreCase));
                if (match is not null)
                {
                    return match;
                }
            }
        }

        return snapshot.DefaultCulture.Length > 0 ? snapshot.DefaultCulture : null;
    }
}
