using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IcssiCms.VisitorSite.Hub;
using Microsoft.Extensions.Options;

namespace IcssiCms.VisitorSite.Forms;

/// <summary>
/// Umbraco Forms' delivery API (<c>/umbraco/forms/delivery/api/v1</c>), called from the server with the Forms API key,
/// and the hub's additions beside it: the form token, event places, and the opt-in links. Definitions are cached like
/// content; tokens, entries and places never are.
/// </summary>
public sealed class FormsClient(HttpClient http, HubResponseCache cache, IOptions<VisitorSiteOptions> options, ILogger<FormsClient> logger)
{
    public const string Route = "umbraco/forms/delivery/api/v1";
    private const string Api = "Forms API";

    public bool CanSubmit => options.Value.FormsApiKey.Length > 0;

    public async Task<FormDefinition?> DefinitionAsync(Guid id, string culture, CancellationToken cancellationToken)
    {
        var body = await cache.GetOrFetchAsync($"forms|{culture}|{id}", options.Value.ContentCacheDuration, async ct =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{Route}/definitions/{id}?culture={Uri.EscapeDataString(culture)}");
            return await HubCall.ReadAsync(http, request, Api, ct);
        }, cancellationToken);
        return body is null ? null : JsonSerializer.Deserialize<FormDefinition>(body, HubJson.Options);
    }

    /// <summary>
    /// The hub's form token for a form being shown (it records when, so an entry sent faster than a person could is
    /// refused). Null where the hub has no such endpoint (a plain Umbraco Forms site).
    /// </summary>
    public async Task<string?> FormTokenAsync(Guid id, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/icssi/forms/{id}/token");
        if (await HubCall.ReadAsync(http, request, Api, cancellationToken) is not { } body)
        {
            return null;
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.TryGetProperty("formToken", out var token) ? token.GetString() : null;
    }

    /// <summary>Posts a visitor's entry, passing on their address (for the hub's rate limits), form token and honeypot.</summary>
    public async Task<FormSubmission> SubmitAsync(
        Guid id,
        IReadOnlyDictionary<string, IReadOnlyList<string>> values,
        string culture,
        Guid? contentId,
        IReadOnlyDictionary<string, string> additionalData,
        IPAddress? visitorAddress,
        CancellationToken cancellationToken)
    {
        var entry = JsonSerializer.SerializeToUtf8Bytes(new
        {
            values = values.ToDictionary(pair => pair.Key, pair => pair.Value.Count == 1 ? (object)pair.Value[0] : pair.Value),
            contentId = contentId?.ToString(),
            culture,
            additionalData,
        }, HubJson.Options);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Route}/entries/{id}")
        {
            Content = new ByteArrayContent(entry) { Headers = { ContentType = new("application/json") { CharSet = "utf-8" } } },
        };
        // With its length sent first and 100-continue, an entry over the hub's size limit is answered 413 before it is
        // sent; sent at once, the hub may close the connection under it, which looked like the hub being down.
        request.Headers.ExpectContinue = true;
        request.Headers.Add("Api-Key", options.Value.FormsApiKey);
        if (visitorAddress is not null)
        {
            request.Headers.Add("X-Forwarded-For", visitorAddress.ToString());
        }

        using var response = await HubCall.SendAsync(http, request, Api, cancellationToken);
        using var document = await JsonBodyAsync(response, cancellationToken);
        var root = document?.RootElement;
        switch (response.StatusCode)
        {
            case HttpStatusCode.Accepted or HttpStatusCode.OK:
                return new FormSubmission.Accepted(
                    String(root, "messageOnSubmit"),
                    root?.TryGetProperty("messageOnSubmitIsHtml", out var isHtml) == true && isHtml.ValueKind == JsonValueKind.True,
                    root?.TryGetProperty("places", out var places) == true && places.ValueKind == JsonValueKind.Array
                        ? places.Deserialize<List<Place>>(HubJson.Options) ?? []
                        : []);
            case HttpStatusCode.UnprocessableEntity when root?.TryGetProperty("errors", out var errors) == true:
                return new FormSubmission.Invalid(errors.EnumerateObject().ToDictionary(
                    error => error.Name,
                    error => (IReadOnlyList<string>)error.Value.EnumerateArray().Select(message => message.GetString() ?? string.Empty).ToList(),
                    StringComparer.OrdinalIgnoreCase));
            // A 401 or 403 is the site's key, not the visitor's entry: that falls through, as the hub not answering.
            case >= HttpStatusCode.BadRequest and < HttpStatusCode.InternalServerError and not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden):
                // The hub's own wording names the problem (a member, a wait, a value too large); the visitor is shown it as it is.
                logger.LogInformation("Form {FormId}: entry refused by the hub with {Status}", id, (int)response.StatusCode);
                return new FormSubmission.Refused((int)response.StatusCode, String(root, "detail") ?? String(root, "title"), response.Headers.RetryAfter?.Delta);
            default:
                HubCall.EnsureAnswered(response, Api);
                throw new HubUnavailableException($"The hub's {Api} answered {(int)response.StatusCode} to an entry.");
        }
    }

    /// <summary>
    /// Places at an event (the hub's <c>/api/icssi/events/{id}/places</c>), kept for <see cref="VisitorSiteOptions.PlacesCacheDuration"/>;
    /// null where the hub does not say (not an event, or a hub without the plugin).
    /// </summary>
    public async Task<EventPlaces?> PlacesAsync(Guid eventId, CancellationToken cancellationToken)
    {
        var body = await cache.GetOrFetchAsync($"places|{eventId}", options.Value.PlacesCacheDuration, async ct =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"api/icssi/events/{eventId}/places");
            using var response = await HubCall.SendAsync(http, request, "registrations API", ct);
            return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync(ct) : null;
        }, cancellationToken);
        return body is null ? null : JsonSerializer.Deserialize<EventPlaces>(body, HubJson.Options);
    }

    /// <summary>Confirms or cancels a place with the token from the e-mailed link.</summary>
    public async Task<LinkOutcome?> FollowLinkAsync(string action, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/icssi/registrations/{action}") { Content = JsonContent.Create(new { token }) };
        using var response = await HubCall.SendAsync(http, request, "registrations API", cancellationToken);
        if ((int)response.StatusCode >= 500)
        {
            HubCall.EnsureAnswered(response, "registrations API");
        }

        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<LinkOutcome>(HubJson.Options, cancellationToken) : null;
    }

    /// <summary>The answer's JSON body; null for an empty one or one that is not JSON (a proxy's or Kestrel's own page).</summary>
    private static async Task<JsonDocument?> JsonBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? String(JsonElement? element, string name) =>
        element?.TryGetProperty(name, out var value) == true && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

public sealed record EventPlaces(Guid Id, int? Capacity, int Held, int? Available, int Waitlisted)
{
    public bool IsFull => Available is 0;
}

public sealed record LinkOutcome(string Outcome, string Status, LinkEvent Event);

public sealed record LinkEvent(Guid Id, string Name);
