using System.Net;
using System.Threading.Channels;
using IcssiCms.Web.IntegrationTests.Delivery;
using IcssiCms.Web.IntegrationTests.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Services;
using Umbraco.Cms.Infrastructure.BackgroundJobs;

namespace IcssiCms.Web.IntegrationTests.Webhooks;

/// <summary>
/// Umbraco's own webhooks on the hub (Settings → Webhooks): an administrator's webhook for published content is posted,
/// with its headers and the item's key, by Umbraco's webhook job, and a receiver that fails gets the request again.
/// </summary>
[Collection(ChangingSiteCollection.Name)]
public sealed class ContentWebhookTests(ChangingSite site)
{
    [Fact]
    public async Task Publishing_A_Partner_Posts_The_Administrators_Webhook_With_The_Item_And_Tries_Again_After_A_Failure()
    {
        await using var receiver = await Receiver.StartAsync(HttpStatusCode.InternalServerError, HttpStatusCode.OK);
        var partner = SeedContent.Hub.Named("Karibu Foundation");
        var webhooks = site.Services.GetRequiredService<IWebhookService>();
        var created = await webhooks.CreateAsync(new Webhook(
            receiver.Address.ToString(),
            enabled: true,
            entityKeys: [],
            events: [Constants.WebhookEvents.Aliases.ContentPublish],
            headers: new Dictionary<string, string> { ["X-Hub-Secret"] = "shared-with-the-receiver" }));
        Assert.True(created.Success, created.Status.ToString());
        try
        {
            var content = site.Services.GetRequiredService<IContentService>();
            var item = content.GetById(partner.Key)!;
            Assert.True(content.SaveAndPublish(item, item.AvailableCultures.ToArray()).Success);

            // The job returns once every request it sent is answered.
            await RunWebhookJobAsync();
            Assert.True(receiver.Requests.TryRead(out var failed));
            await RunWebhookJobAsync();
            Assert.True(receiver.Requests.TryRead(out var retried));

            Assert.Equal(Constants.WebhookEvents.Aliases.ContentPublish, failed!.Headers[Constants.WebhookEvents.HeaderNames.EventName]);
            Assert.Equal("shared-with-the-receiver", failed.Headers["X-Hub-Secret"]);
            Assert.Equal(("0", "1"), (failed.Headers[Constants.WebhookEvents.HeaderNames.RetryCount].ToString(), retried!.Headers[Constants.WebhookEvents.HeaderNames.RetryCount].ToString()));
            Assert.Equal(failed.Body, retried.Body);
            Assert.Contains(partner.Key.ToString(), failed.Body, StringComparison.OrdinalIgnoreCase);

            // Answered 200, the request is done: the job has nothing more to send.
            await RunWebhookJobAsync();
            Assert.False(receiver.Requests.TryRead(out _));
        }
        finally
        {
            await webhooks.DeleteAsync(created.Result!.Key);
        }
    }

    /// <summary>What Umbraco's distributed job service does when the webhook job is due.</summary>
    private Task RunWebhookJobAsync() =>
        site.Services.GetServices<IDistributedBackgroundJob>().Single(job => job.Name == "WebhookFiring").ExecuteAsync();

    private sealed record ReceivedRequest(IHeaderDictionary Headers, string Body);

    /// <summary>A server on 127.0.0.1 taking webhook posts at one address, answering each with the next status it was given.</summary>
    private sealed class Receiver : IAsyncDisposable
    {
        private const string Path = "/hooks/content";
        private readonly Channel<ReceivedRequest> _requests = Channel.CreateUnbounded<ReceivedRequest>();
        private readonly Queue<HttpStatusCode> _answers;
        private LoopbackServer? _server;

        private Receiver(HttpStatusCode[] answers) => _answers = new Queue<HttpStatusCode>(answers);

        public Uri Address => new(_server!.Address, Path);

        public ChannelReader<ReceivedRequest> Requests => _requests.Reader;

        public static async Task<Receiver> StartAsync(params HttpStatusCode[] answers)
        {
            var receiver = new Receiver(answers);
            receiver._server = await LoopbackServer.StartAsync(receiver.TakeAsync);
            return receiver;
        }

        private async Task TakeAsync(HttpContext context)
        {
            if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Path != Path)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            await _requests.Writer.WriteAsync(new ReceivedRequest(new HeaderDictionary(context.Request.Headers.ToDictionary()), body));
            context.Response.StatusCode = (int)(_answers.TryDequeue(out var status) ? status : HttpStatusCode.OK);
        }

        public async ValueTask DisposeAsync() => await _server!.DisposeAsync();
    }
}
