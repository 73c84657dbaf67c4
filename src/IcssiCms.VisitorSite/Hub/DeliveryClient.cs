using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace IcssiCms.VisitorSite.Hub;

/// <summary>
/// The hub's Delivery API v2, over HTTP only. Responses are kept for <see cref="VisitorSiteOptions.ContentCacheDuration"/>
/// (published content is public, so one copy serves every visitor); a "not found" is kept too, so a missing page
/// does not cost a call per visit.
/// </summary>
public sealed class DeliveryClient(HttpClient http, HubResponseCache cache, IOptions<VisitorSiteOptions> options)
{
    public const string Route = "umbraco/delivery/api/v2/content";

    public async Task<ApiContent?> ItemByPathAsync(string path, string culture, CancellationToken cancellationToken)
    {
        var encoded = string.Join('/', path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.EscapeDataString));
        var body = await GetCachedAsync($"{Route}/item/{encoded}{(encoded.Length > 0 ? "/" : string.Empty)}", culture, cancellationToken);
        return body is null ? null : JsonSerializer.Deserialize<ApiContent>(body, HubJson.Options);
    }

    public async Task<ApiContent?> ItemByIdAsync(Guid id, string culture, CancellationToken cancellationToken)
    {
        var body = await GetCachedAsync($"{Route}/item/{id}", culture, cancellationToken);
        return body is null ? null : JsonSerializer.Deserialize<ApiContent>(body, HubJson.Options);
    }

    public async Task<ApiContentPage> QueryAsync(ContentQuery query, string culture, CancellationToken cancellationToken)
    {
        var body = await GetCachedAsync(Route + query.ToQueryString(), culture, cancellationToken);
        return body is null ? ApiContentPage.Empty : JsonSerializer.Deserialize<ApiContentPage>(body, HubJson.Options) ?? ApiContentPage.Empty;
    }

    private Task<string?> GetCachedAsync(string relativeUrl, string culture, CancellationToken cancellationToken) =>
        cache.GetOrFetchAsync($"delivery|{culture}|{relativeUrl}", options.Value.ContentCacheDuration, ct => GetAsync(relativeUrl, culture, ct), cancellationToken);

    private async Task<string?> GetAsync(string relativeUrl, string culture, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, relativeUrl);
        request.Headers.Add("Accept-Language", culture);
        if (options.Value.DeliveryApiKey is { Length: > 0 } key)
        {
            request.Headers.Add("Api-Key", key);
        }

        using var response = await HubCall.SendAsync(http, request, "Delivery API", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        HubCall.EnsureAnswered(response, "Delivery API");
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }
}
