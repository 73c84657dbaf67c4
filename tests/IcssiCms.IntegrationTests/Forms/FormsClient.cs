using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IcssiCms.IntegrationTests.Delivery;

namespace IcssiCms.IntegrationTests.Forms;

/// <summary>The hub's two forms and the seed content their choice fields point at.</summary>
public static class HubForms
{
    public static readonly Guid Registration = Guid.Parse("0c3e8f0a-6a35-4f0e-9d3b-2a1e5c7b9d41");
    public static readonly Guid CampaignSignUp = Guid.Parse("c1ba64a9-0c59-55ff-afd6-100da39726b5");

    public static Guid SocialEvent => SeedContent.Hub.Named("Social Event").Key;

    public static Guid Conference => SeedContent.Hub.Named("ICSSI Conference 2014").Key;

    public static Guid IraqSession => SeedContent.Hub.Named("Hope for Peace and Development in Iraq: Meet the Iraqi Social Forum").Key;

    public static Guid SaveTheTigris => SeedContent.Hub.Named("Save the Tigris").Key;

    public static Guid WomensRights => SeedContent.Hub.Named("Women's Rights").Key;

    /// <summary>A registration every rule accepts: the social event, no visa needed.</summary>
    public static JsonObject RegistrationValues(string name, string email, params Guid[] attend) => new()
    {
        ["name"] = name,
        ["email"] = email,
        ["country"] = "Norway",
        ["organisation"] = "Iraqi Social Forum",
        ["role"] = "activist",
        ["attend"] = new JsonArray((attend.Length == 0 ? [SocialEvent] : attend).Select(k => (JsonNode)k.ToString()).ToArray()),
        ["schengenVisa"] = "no",
        ["consent"] = "on",
    };

    /// <summary>A campaign sign-up every rule accepts.</summary>
    public static JsonObject SignUpValues(string name, string email, params Guid[] campaigns) => new()
    {
        ["name"] = name,
        ["email"] = email,
        ["country"] = "Iraq",
        ["campaigns"] = new JsonArray((campaigns.Length == 0 ? [SaveTheTigris] : campaigns).Select(k => (JsonNode)k.ToString()).ToArray()),
        ["consent"] = "on",
    };

    /// <summary>An address no other test uses, so what one test stores is told apart from another's.</summary>
    public static string UniqueEmail(string who) => $"{who}.{Guid.NewGuid():N}@example.org";
}

/// <summary>The form token endpoint's answer.</summary>
public sealed record FormTokenAnswer(string FormToken, string AntiforgeryHeader, string AntiforgeryToken);

/// <summary>
/// Umbraco Forms' delivery API as a front end calls it: fetch the form token (and antiforgery token) when the form
/// is shown, then post the entry with it; a server client adds its Api-Key.
/// </summary>
public sealed class FormsClient(HttpClient http, string? apiKey)
{
    public const string DefinitionsPath = "/umbraco/forms/delivery/api/v1/definitions";
    public const string EntriesPath = "/umbraco/forms/delivery/api/v1/entries";

    public HttpClient Http => http;

    public Task<HttpResponseMessage> GetDefinitionAsync(Guid form, string? culture = null) =>
        http.GetAsync($"{DefinitionsPath}/{form:D}" + (culture is null ? string.Empty : $"?culture={Uri.EscapeDataString(culture)}"));

    public async Task<JsonElement> DefinitionAsync(Guid form, string? culture = null)
    {
        using var response = await GetDefinitionAsync(form, culture);
        return await ReadJsonAsync(response, HttpStatusCode.OK);
    }

    public Task<HttpResponseMessage> GetTokenAsync(Guid form) => http.GetAsync($"/api/icssi/forms/{form:D}/token");

    public async Task<FormTokenAnswer> TokenAsync(Guid form)
    {
        using var response = await GetTokenAsync(form);
        var json = await ReadJsonAsync(response, HttpStatusCode.OK);
        var antiforgery = json.GetProperty("antiforgery");
        return new FormTokenAnswer(
            json.GetProperty("formToken").GetString()!,
            antiforgery.GetProperty("headerName").GetString()!,
            antiforgery.GetProperty("requestToken").GetString()!);
    }

    /// <summary>The whole flow: fetch a token for the form, put it in <c>additionalData.formToken</c>, post.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(
        Guid form,
        JsonObject values,
        string? culture = null,
        IReadOnlyDictionary<string, string>? additionalData = null,
        string? forwardedFor = null)
    {
        var token = await TokenAsync(form);
        var data = new JsonObject { ["formToken"] = token.FormToken };
        foreach (var (key, value) in additionalData ?? new Dictionary<string, string>())
        {
            data[key] = value;
        }

        var body = new JsonObject { ["values"] = values.DeepClone(), ["additionalData"] = data };
        if (culture is not null)
        {
            body["culture"] = culture;
        }

        var headers = new Dictionary<string, string>();
        if (forwardedFor is not null)
        {
            headers["X-Forwarded-For"] = forwardedFor;
        }

        if (apiKey is null)
        {
            headers[token.AntiforgeryHeader] = token.AntiforgeryToken;
        }

        return await PostAsync(form, JsonContent(body), headers);
    }

    /// <summary>Posts an entry with a form token fetched earlier (server clients: no antiforgery).</summary>
    public Task<HttpResponseMessage> SubmitWithTokenAsync(Guid form, JsonObject values, string formToken, string? culture = null) =>
        PostAsync(form, JsonContent(new JsonObject
        {
            ["values"] = values.DeepClone(),
            ["culture"] = culture,
            ["additionalData"] = new JsonObject { ["formToken"] = formToken },
        }));

    /// <summary>Posts a body as it is (with a fresh form token added when it has none), for the 400s.</summary>
    public async Task<HttpResponseMessage> PostBodyAsync(Guid form, JsonObject body)
    {
        if (body["additionalData"] is null)
        {
            body["additionalData"] = new JsonObject { ["formToken"] = (await TokenAsync(form)).FormToken };
        }

        return await PostAsync(form, JsonContent(body));
    }

    public async Task<HttpResponseMessage> PostAsync(Guid form, HttpContent content, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{EntriesPath}/{form:D}") { Content = content };
        if (apiKey is not null)
        {
            request.Headers.Add("Api-Key", apiKey);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.Add(name, value);
        }

        return await http.SendAsync(request);
    }

    public static StringContent JsonContent(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        using var json = JsonDocument.Parse(text);
        return json.RootElement.Clone();
    }

    /// <summary>A problem+json answer with this status: its body.</summary>
    public static async Task<JsonElement> ReadProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var json = await ReadJsonAsync(response, expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)expected, json.GetProperty("status").GetInt32());
        return json;
    }

    /// <summary>The registrations staff see (name, e-mail, event, status).</summary>
    public async Task<IReadOnlyList<JsonElement>> StaffRegistrationsAsync(string staffKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/icssi/staff/registrations");
        request.Headers.Add("Api-Key", staffKey);
        using var response = await http.SendAsync(request);
        return [.. (await ReadJsonAsync(response, HttpStatusCode.OK)).EnumerateArray()];
    }

    /// <summary>What the hub holds on a person: their records (with the values kept) and registrations.</summary>
    public async Task<JsonElement> DataSubjectAsync(string staffKey, string email)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/icssi/staff/data-subject/export")
        {
            Content = JsonContent(new JsonObject { ["email"] = email }),
        };
        request.Headers.Add("Api-Key", staffKey);
        using var response = await http.SendAsync(request);
        return await ReadJsonAsync(response, HttpStatusCode.OK);
    }
}
