using System.Net;
using IcssiCms.Core.Schema;
using IcssiCms.EmbeddedHost.Delivery;
using IcssiCms.Store.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IcssiCms.IntegrationTests.Delivery;

/// <summary>A hub with an API key for previews and the output cache on (as appsettings.json has it); tests change its store.</summary>
public sealed class PreviewHubFixture : HubHostFixture
{
    public const string ApiKey = "preview-key-3a9d";

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Umbraco:CMS:DeliveryApi:ApiKey"] = ApiKey,
        ["Umbraco:CMS:DeliveryApi:OutputCache:Enabled"] = "true",
    };
}

/// <summary>
/// The embedded host's output cache eviction. Previews and the cache's answers per language are tested on the real
/// Umbraco site, in IcssiCms.Web.IntegrationTests.
/// </summary>
[Collection(DeliveryApiCollection.Name)]
public sealed class PreviewAndCachingTests(PreviewHubFixture hub) : IClassFixture<PreviewHubFixture>
{
    private static readonly Guid Tigris = SeedContent.Hub.Named("Save the Tigris").Key;

    [Fact]
    public async Task A_Cached_Response_Is_Served_Until_Content_Changes_And_Then_Evicted()
    {
        var before = await NameAsync();
        await ChangeAsync("UPDATE ContentCulture SET Name = 'Save the Tigris!' WHERE NodeKey = {0} AND Culture = 'en-US'", refresh: false);

        var cached = await NameAsync();
        await RefreshAsync();
        var after = await NameAsync();

        Assert.Equal(before, cached);
        Assert.Equal("Save the Tigris!", after);
    }

    private async Task<HttpResponseMessage> SendAsync(string url, bool preview, string? apiKey, string culture = HubCultures.English)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Accept-Language", culture);
        if (preview)
        {
            request.Headers.Add("Preview", "true");
        }

        if (apiKey is not null)
        {
            request.Headers.Add("Api-Key", apiKey);
        }

        return await hub.Host.CreateClient().SendAsync(request);
    }

    private async Task<string> NameAsync(string culture = HubCultures.English)
    {
        using var response = await SendAsync(DeliveryApiClient.ItemByIdUrl(Tigris), preview: false, apiKey: null, culture);
        var item = await DeliveryApiClient.ReadJsonAsync(response, HttpStatusCode.OK);
        return item.GetProperty("name").GetString()!;
    }

    /// <summary>Changes the store as an editor's save would, then (as the back office will) refreshes what the API serves.</summary>
    private async Task ChangeAsync(string sql, bool refresh = true)
    {
        await using (var scope = hub.Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            await db.Database.ExecuteSqlRawAsync(sql, Tigris.ToString());
        }

        if (refresh)
        {
            await RefreshAsync();
        }
    }

    private Task RefreshAsync() => hub.Host.Services.GetRequiredService<DeliveryContentRefresher>().RefreshAsync(CancellationToken.None);
}
