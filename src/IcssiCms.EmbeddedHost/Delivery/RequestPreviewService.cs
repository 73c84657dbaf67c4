using Umbraco.Cms.Core.DeliveryApi;
using HeaderNames = Umbraco.Cms.Core.Constants.DeliveryApi.HeaderNames;

namespace IcssiCms.EmbeddedHost.Delivery;

/// <summary>
/// Umbraco's <see cref="IRequestPreviewService"/>: a request previews drafts when it sends <c>Preview: true</c>.
/// The access filter lets such a request through only with the configured <c>Api-Key</c>.
/// </summary>
internal sealed class RequestPreviewService(IHttpContextAccessor httpContext) : IRequestPreviewService
{
    public bool IsPreview() =>
        string.Equals(httpContext.HttpContext?.Request.Headers[HeaderNames.Preview], "true", StringComparison.OrdinalIgnoreCase);
}
