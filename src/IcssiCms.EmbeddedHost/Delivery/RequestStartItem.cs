using IcssiCms.EmbeddedHost.Delivery.Snapshot;
using HeaderNames = Umbraco.Cms.Core.Constants.DeliveryApi.HeaderNames;

namespace IcssiCms.EmbeddedHost.Delivery;

/// <summary>
/// The root that the request's <c>Start-Item</c> header names (by key or URL segment), below which routes are
/// resolved; none when the header is absent or names no root, as in Umbraco.
/// </summary>
public sealed class RequestStartItem(IHttpContextAccessor httpContext)
{
    public Guid? In(ContentSnapshot snapshot)
    {
        var header = httpContext.HttpContext?.Request.Headers[HeaderNames.StartItem].ToString();
        return string.IsNullOrWhiteSpace(header) ? null : snapshot.FindRoot(header.Trim())?.Key;
    }
}
