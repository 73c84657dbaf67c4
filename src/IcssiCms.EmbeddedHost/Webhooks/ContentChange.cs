namespace IcssiCms.EmbeddedHost.Webhooks;

/// <summary>
/// One content event found by comparing snapshots: Umbraco's event alias, the item, its document type and the
/// cultures the event concerns (empty when it concerns the whole item, as for a delete).
/// </summary>
public sealed record ContentChange(string EventAlias, Guid Key, string ContentTypeAlias, IReadOnlyList<string> Cultures);
