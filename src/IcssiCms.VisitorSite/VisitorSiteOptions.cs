namespace IcssiCms.VisitorSite;

/// <summary><c>IcssiCms:VisitorSite</c>: where the hub's APIs are and how the site talks to them.</summary>
public sealed class VisitorSiteOptions
{
    public const string SectionName = "IcssiCms:VisitorSite";

    /// <summary>The hub's base address (the Umbraco site, <c>src/IcssiCms.Web</c>); the site calls its public APIs only.</summary>
    public Uri HubBaseAddress { get; set; } = new("http://127.0.0.1:5080/");

    /// <summary>The Delivery API's key, when the hub's Delivery API is not public (<c>Umbraco:CMS:DeliveryApi:ApiKey</c>).</summary>
    public string DeliveryApiKey { get; set; } = string.Empty;

    /// <summary>
    /// The Forms API key (<c>Umbraco:Forms:Security:FormsApiKey</c> on the hub). The site posts visitors' entries from
    /// the server with it; without it, forms are shown as unavailable. Keep it out of git.
    /// </summary>
    public string FormsApiKey { get; set; } = string.Empty;

    /// <summary>How long a Delivery API or form definition response is reused. Entries and tokens are never cached.</summary>
    public TimeSpan ContentCacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the places left at an event are reused (short: near the last place it changes by the second).</summary>
    public TimeSpan PlacesCacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one call to the hub may take before the visitor is told the hub is not answering.</summary>
    public TimeSpan HubTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
