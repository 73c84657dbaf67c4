using System.Text.Json;
using IcssiCms.EmbeddedHost.Delivery;
using IcssiCms.EmbeddedHost.Webhooks;
using IcssiCms.IntegrationTests.Delivery;
using IcssiCms.IntegrationTests.Hosting;
using IcssiCms.EmbeddedHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using IcssiCms.Store.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Umbraco.Cms.Core.Constants.WebhookEvents;

namespace IcssiCms.IntegrationTests.Webhooks;

/// <summary>A hub whose one webhook target is a real receiver; retries come after 50 ms, not Umbraco's 10 s.</summary>
public sealed class WebhookHubFixture : HubHostFixture
{
    public const string Secret = "receiver-secret-7c21";

    public WebhookReceiver Receiver { get; } = new();

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Umbraco:CMS:Webhook:Enabled"] = "true",
        ["Umbraco:CMS:Webhook:MaximumRetries"] = "3",
        ["Umbraco:CMS:Webhook:Period"] = "00:00:00.05",
        ["IcssiCms:Webhooks:Targets:0:Url"] = Receiver.Url,
        ["IcssiCms:Webhooks:Targets:0:Events:0"] = Aliases.ContentPublish,
        ["IcssiCms:Webhooks:Targets:0:Events:1"] = Aliases.ContentUnpublish,
        ["IcssiCms:Webhooks:Targets:0:Events:2"] = Aliases.ContentDelete,
        ["IcssiCms:Webhooks:Targets:0:ContentTypes:0"] = "campaign",
        ["IcssiCms:Webhooks:Targets:0:Secret"] = Secret,
    };

    public override async Task InitializeAsync()
    {
        await Receiver.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}

[Collection(DeliveryApiCollection.Name)]
public sealed class ContentWebhookTests(WebhookHubFixture hub) : IClassFixture<WebhookHubFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Renaming_A_Campaign_Posts_One_Signed_Publish_Webhook_With_The_Item()
    {
        var tigris = SeedContent.Hub.Named("Save the Tigris").Key;
        var arrived = hub.Receiver.Expect(1);

        await RenameAsync(tigris, "Save the Tigris (webhook)");
        var received = Assert.Single(await arrived.WaitAsync(Patience));

        Assert.Equal(Aliases.ContentPublish, received.Headers[HeaderNames.EventName]);
        Assert.Equal("0", received.Headers[HeaderNames.RetryCount]);
        Assert.Equal("IcssiCms", received.Headers["User-Agent"]);
        Assert.StartsWith("application/json", received.Headers["Content-Type"]);
        Assert.True(WebhookSignature.IsValid(WebhookHubFixture.Secret, received.Body, received.Headers[WebhookSignature.HeaderName]));
        using var payload = JsonDocument.Parse(received.Body);
        Assert.Equal(tigris, payload.RootElement.GetProperty("id").GetGuid());
        Assert.Equal("Save the Tigris (webhook)", payload.RootElement.GetProperty("name").GetString());
        Assert.Equal("campaign", payload.RootElement.GetProperty("contentType").GetString());
        Assert.Equal(
            ["contentType", "name", "createDate", "updateDate", "route", "id", "properties", "cultures"],
            payload.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_Failing_Receiver_Gets_The_Third_Attempt_With_Retry_Count_Two()
    {
        var workers = SeedContent.Hub.Named("Workers' Rights").Key;
        var arrived = hub.Receiver.Expect(3, failures: 2);

        await RenameAsync(workers, "Workers' Rights (webhook)");
        var received = await arrived.WaitAsync(Patience);

        Assert.Equal(["0", "1", "2"], received.Select(r => r.Headers[HeaderNames.RetryCount]));
        Assert.Equal([500, 500, 200], received.Select(r => r.Status));
        Assert.All(received, r => Assert.Equal(received[0].Body, r.Body));
        using var payload = JsonDocument.Parse(received[2].Body);
        Assert.Equal(workers, payload.RootElement.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_Target_With_A_Relative_Url_Stops_The_Host_Naming_The_Key()
    {
        using var folder = new TemporaryFolder();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = EmbeddedHostFactory.RepositoryRoot });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:umbracoDbDSN"] = $"Data Source={Path.Combine(folder.Path, "Umbraco.sqlite.db")};Pooling=False",
            ["Umbraco:CMS:Logging:Directory"] = Path.Combine(folder.Path, "Logs"),
            ["IcssiCms:Webhooks:Targets:0:Url"] = "/hooks",
            ["IcssiCms:Webhooks:Targets:0:Events:0"] = Aliases.ContentPublish,
            ["IcssiCms:Webhooks:Targets:0:Secret"] = "s",
        });
        builder.AddEmbeddedHost();
        await using var app = builder.Build();

        // Options are checked before any hosted service (the import, Kestrel) starts.
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("IcssiCms:Webhooks:Targets:0:Url", failure.Message);
    }

    private async Task RenameAsync(Guid key, string englishName)
    {
        await using (var scope = hub.Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            await db.Database.ExecuteSqlRawAsync("UPDATE ContentCulture SET Name = {0} WHERE NodeKey = {1} AND Culture = 'en-US'", englishName, key.ToString());
        }

        await hub.Host.Services.GetRequiredService<DeliveryContentRefresher>().RefreshAsync(CancellationToken.None);
    }
}
