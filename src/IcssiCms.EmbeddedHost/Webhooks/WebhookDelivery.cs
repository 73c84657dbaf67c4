namespace IcssiCms.EmbeddedHost.Webhooks;

/// <summary>One request to send: the target, the event, the serialized body and how many attempts came before (the retry count).</summary>
public sealed record WebhookDelivery(WebhookTarget Target, string EventAlias, byte[] Body, int RetryCount = 0);
