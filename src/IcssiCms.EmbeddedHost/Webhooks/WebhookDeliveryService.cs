using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core.Configuration.Models;
using static Umbraco.Cms.Core.Constants.WebhookEvents;

namespace IcssiCms.EmbeddedHost.Webhooks;

/// <summary>
/// Sends the queued deliveries: a signed JSON POST each, with Umbraco's event and retry-count headers. A failure
/// (an exception or a non-2xx answer) is queued again after Umbraco's <c>Period</c>, up to <c>MaximumRetries</c> times.
/// Logs the event, the target's host, the status and the attempt; never the body.
/// </summary>
internal sealed class WebhookDeliveryService(
    WebhookDeliveryQueue queue,
    IHttpClientFactory clients,
    IOptionsMonitor<WebhookSettings> settings,
    TimeProvider time,
    ILogger<WebhookDeliveryService> logger) : BackgroundService
{
    public const string ClientName = "IcssiCms.Webhooks";
    public const string UserAgent = "IcssiCms";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var delivery in queue.ReadAllAsync(stoppingToken))
            {
                if (!await SendAsync(delivery, stoppingToken))
                {
                    RetryLater(delivery, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<bool> SendAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var host = new Uri(delivery.Target.Url).Host;
        var attempt = delivery.RetryCount + 1;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Target.Url)
            {
                Content = new ByteArrayContent(delivery.Body),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
            request.Headers.Add(HeaderNames.EventName, delivery.EventAlias);
            request.Headers.Add(HeaderNames.RetryCount, delivery.RetryCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Compute(delivery.Target.Secret, delivery.Body));

            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                logger.LogInformation("Webhook {Event} to {Host}: {Status} (attempt {Attempt})", delivery.EventAlias, host, (int)response.StatusCode, attempt);
                return true;
            }

            logger.LogWarning("Webhook {Event} to {Host} failed: {Status} (attempt {Attempt})", delivery.EventAlias, host, (int)response.StatusCode, attempt);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The exception's message, not the exception: nothing of the request leaks into the log.
            logger.LogWarning("Webhook {Event} to {Host} failed: {Error} (attempt {Attempt})", delivery.EventAlias, host, ex.GetType().Name + ": " + ex.Message, attempt);
        }

        return false;
    }

    private void RetryLater(WebhookDelivery delivery, CancellationToken stoppingToken)
    {
        var options = settings.CurrentValue;
        if (delivery.RetryCount >= options.MaximumRetries)
        {
            logger.LogError("Webhook {Event} to {Host} given up after {Attempts} attempts", delivery.EventAlias, new Uri(delivery.Target.Url).Host, delivery.RetryCount + 1);
            return;
        }

        _ = RequeueAfterAsync(delivery with { RetryCount = delivery.RetryCount + 1 }, options.Period, stoppingToken);
    }

    private async Task RequeueAfterAsync(WebhookDelivery delivery, TimeSpan period, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(period, time, stoppingToken);
            queue.Enqueue(delivery);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
