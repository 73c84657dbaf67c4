using System.Threading.Channels;

namespace IcssiCms.EmbeddedHost.Webhooks;

/// <summary>The deliveries waiting to be sent, in order; unbounded so a refresh never waits on a slow receiver.</summary>
public sealed class WebhookDeliveryQueue
{
    private readonly Channel<WebhookDelivery> _channel = Channel.CreateUnbounded<WebhookDelivery>(new UnboundedChannelOptions { SingleReader = true });

    public bool Enqueue(WebhookDelivery delivery) => _channel.Writer.TryWrite(delivery);

    public IAsyncEnumerable<WebhookDelivery> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
}
