namespace IcssiCms.EmbeddedHost.Webhooks;

/// <summary>
/// Where content webhooks go (<c>IcssiCms:Webhooks</c>); when and how often they are retried is Umbraco's
/// <c>Umbraco:CMS:Webhook</c> (<see cref="Umbraco.Cms.Core.Configuration.Models.WebhookSettings"/>).
/// </summary>
public sealed class WebhookOptions
{
    public const string SectionName = "IcssiCms:Webhooks";

    public List<WebhookTarget> Targets { get; set; } = [];
}

/// <summary>One receiver: its URL, the event aliases it subscribes to, the document types (none = all) and the signing secret.</summary>
public sealed class WebhookTarget
{
    public string Url { get; set; } = string.Empty;

    public List<string> Events { get; set; } = [];

    public List<string> ContentTypes { get; set; } = [];

    public string Secret { get; set; } = string.Empty;

    public bool Wants(ContentChange change) =>
        Events.Contains(change.EventAlias, StringComparer.OrdinalIgnoreCase)
        && (ContentTypes.Count == 0 || ContentTypes.Contains(change.ContentTypeAlias, StringComparer.OrdinalIgnoreCase));
}
