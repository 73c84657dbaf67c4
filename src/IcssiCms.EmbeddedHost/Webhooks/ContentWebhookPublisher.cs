using System.Text.Json;
using IcssiCms.EmbeddedHost.Delivery.Rendering;
using IcssiCms.EmbeddedHost.Delivery.Snapshot;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core.Configuration.Models;
using static Umbraco.Cms.Core.Constants.WebhookEvents;

namespace IcssiCms.EmbeddedHost.Webhooks;

/// <summary>
/// Turns content events into deliveries for the targets subscribed to them, with Umbraco 17's legacy payloads: the
/// Delivery API item in the default culture for a publish, <c>{"id": key}</c> for an unpublish or a delete.
/// </summary>
internal sealed class ContentWebhookPublisher(
    ContentSnapshotAccessor snapshots,
    ContentResponseBuilder responses,
    WebhookDeliveryQueue queue,
    IOptionsMonitor<WebhookSettings> settings,
    IOptionsMonitor<WebhookOptions> options,
    ILogger<ContentWebhookPublisher> logger)
{
    public void Publish(IReadOnlyList<ContentChange> changes)
    {
        var targets = options.CurrentValue.Targets;
        if (changes.Count == 0 || targets.Count == 0)
        {
            return;
        }

        if (!settings.CurrentValue.Enabled)
        {
            logger.LogDebug("Webhooks are off (Umbraco:CMS:Webhook:Enabled); {Count} content events not sent", changes.Count);
            return;
        }

        foreach (var change in changes)
        {
            var subscribed = targets.Where(t => t.Wants(change)).ToList();
            if (subscribed.Count == 0)
            {
                continue;
            }

            var body = Payload(change);
            foreach (var target in subscribed)
            {
                queue.Enqueue(new WebhookDelivery(target, change.EventAlias, body));
            }
        }
    }

    private byte[] Payload(ContentChange change)
    {
        if (change.EventAlias == Aliases.ContentPublish)
        {
            var snapshot = snapshots.Current;
            var item = responses.Build(change.Key, snapshot.DefaultCulture)
                ?? change.Cultures.Select(c => responses.Build(change.Key, c)).FirstOrDefault(r => r is not null);
            if (item is not null)
            {
                return JsonSerializer.SerializeToUtf8Bytes(item, JsonSerializerOptions.Web);
            }
        }

        return JsonSerializer.SerializeToUtf8Bytes(new { id = change.Key }, JsonSerializerOptions.Web);
    }
}
