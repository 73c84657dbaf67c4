using System.Text.Json;
using IcssiCms.VisitorSite.Languages;
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

    /// <summary>
    /// An item by its route in a language, else, as the hub's language fallback would, by its route in English (the
    /// language it is then shown in comes with it); null when neither has it.
    /// </summary>
    public async Task<(ApiContent Item, SiteLanguage ShownIn)?> ItemInAsync(string path, SiteLanguage language, CancellationToken cancellationToken)
    {
        if (await ItemByPathAsync(path, language.HubCulture, cancellationToken) is { } item)
        {
            return (item, language);
        }

        return language != SiteLanguage.Default && await ItemByPathAsync(path, SiteLanguage.Default.HubCulture, cancellationToken) is { } english
            ? (english, SiteLanguage.Default)
            : null;
    }

    /// <summary>A query in a language, else, where it finds nothing there and something in English, in English; with the language of the answer.</summary>
    public async Task<(ApiContentPage Page, SiteLanguage ShownIn)> QueryInAsync(ContentQuery query, SiteLanguage language, CancellationToken cancellationToken)
    {
        var page = await QueryAsync(query, language.HubCulture, cancellationToken);
        if (page.Total > 0 || language == SiteLanguage.Default)
        {
            return (page, language);
        }

        var english = await QueryAsync(query, SiteLanguage.Default.HubCulture, cancellationToken);
        return english.Total > 0 ? (english, SiteLanguage.Default) : (page, language);
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

        return await HubCall.ReadAsync(http, request, "Delivery API", cancellationToken);
    }
}
