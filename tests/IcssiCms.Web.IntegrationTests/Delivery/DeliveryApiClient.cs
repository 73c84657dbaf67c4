using System.Net;
using System.Text.Json;
using IcssiCms.Core.Schema;

namespace IcssiCms.Web.IntegrationTests.Delivery;

/// <summary>A page of the query endpoint: its total and its items, in order.</summary>
public sealed record ContentPage(long Total, IReadOnlyList<JsonElement> Items)
{
    public IReadOnlyList<Guid> Ids => Items.Select(i => i.GetProperty("id").GetGuid()).ToList();

    public IReadOnlyList<string> Names => Items.Select(i => i.GetProperty("name").GetString()!).ToList();
}

/// <summary>
/// The Delivery API as a front end calls it: Umbraco's paths, the <c>Accept-Language</c> and <c>Api-Key</c> headers,
/// and query strings built from (name, value) pairs, each value escaped.
/// </summary>
public sealed class DeliveryApiClient(HttpClient http)
{
    /// <summary>The client itself, for requests with headers of their own.</summary>
    public HttpClient Http => http;

    public const string BasePath = "/umbraco/delivery/api/v2/content";

    public async Task<HttpResponseMessage> SendAsync(string relativeUrl, string culture = HubCultures.English, string? apiKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, relativeUrl);
        request.Headers.Add("Accept-Language", culture);
        if (apiKey is not null)
        {
            request.Headers.Add("Api-Key", apiKey);
        }

        return await http.SendAsync(request);
    }

    /// <summary>GET …/content?{query}: the query endpoint.</summary>
    public static string QueryUrl(params (string Name, string Value)[] query) =>
        BasePath + (query.Length == 0 ? string.Empty : "?" + string.Join('&', query.Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value)}")));

    /// <summary>GET …/content/item/{path}: each segment escaped, so Arabic routes go as UTF-8 percent-encoding.</summary>
    public static string ItemByPathUrl(string route) =>
        $"{BasePath}/item/{string.Join('/', route.Trim('/').Split('/').Select(Uri.EscapeDataString))}";

    public static string ItemByIdUrl(Guid id) => $"{BasePath}/item/{id:D}";

    public static string ItemsUrl(IEnumerable<Guid> ids) => $"{BasePath}/items?{string.Join('&', ids.Select(id => $"id={id:D}"))}";

    public async Task<ContentPage> QueryAsync(string culture, params (string Name, string Value)[] query)
    {
        using var response = await SendAsync(QueryUrl(query), culture);
        var json = await ReadJsonAsync(response, HttpStatusCode.OK);
        return new ContentPage(json.GetProperty("total").GetInt64(), [.. json.GetProperty("items").EnumerateArray()]);
    }

    public Task<ContentPage> QueryAsync(params (string Name, string Value)[] query) => QueryAsync(HubCultures.English, query);

    /// <summary>
    /// Asks until the answer is as expected, or ten seconds (the time a first index write after a start may take) have
    /// passed; the last answer either way. Umbraco indexes a change in the background, a moment after the change.
    /// </summary>
    public async Task<ContentPage> QueryUntilAsync(Func<ContentPage, bool> expected, string culture, params (string Name, string Value)[] query)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        ContentPage page;
        do
        {
            page = await QueryAsync(culture, query);
        }
        while (!expected(page) && clock.Elapsed < IndexingTime);

        return page;
    }

    public Task<ContentPage> QueryUntilAsync(Func<ContentPage, bool> expected, params (string Name, string Value)[] query) =>
        QueryUntilAsync(expected, HubCultures.English, query);

    private static readonly TimeSpan IndexingTime = TimeSpan.FromSeconds(10);

    /// <summary>Every match of a query, in one page big enough for the whole hub.</summary>
    public Task<ContentPage> QueryAllAsync(string culture, params (string Name, string Value)[] query) =>
        QueryAsync(culture, [.. query, ("take", "1000")]);

    public Task<ContentPage> QueryAllAsync(params (string Name, string Value)[] query) => QueryAllAsync(HubCultures.English, query);

    public async Task<JsonElement> ItemByPathAsync(string route, string culture = HubCultures.English)
    {
        using var response = await SendAsync(ItemByPathUrl(route), culture);
        return await ReadJsonAsync(response, HttpStatusCode.OK);
    }

    public async Task<JsonElement> ItemByIdAsync(Guid id, string culture = HubCultures.English)
    {
        using var response = await SendAsync(ItemByIdUrl(id), culture);
        return await ReadJsonAsync(response, HttpStatusCode.OK);
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.Clone();
    }
}
