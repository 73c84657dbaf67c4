using System.Text.Json;
using System.Text.Json.Serialization;

namespace IcssiCms.VisitorSite.Hub;

/// <summary>A content item as the Delivery API v2 returns it (<c>IApiContentResponse</c>), with typed reads of its properties.</summary>
public sealed record ApiContent(
    string ContentType,
    string Name,
    Guid Id,
    ApiRoute Route,
    DateTimeOffset? UpdateDate,
    IReadOnlyDictionary<string, JsonElement> Properties,
    IReadOnlyDictionary<string, ApiRoute>? Cultures)
{
    public string? Text(string alias) =>
        Property(alias) is { ValueKind: JsonValueKind.String } value && value.GetString() is { Length: > 0 } text ? text : null;

    /// <summary>A rich text value's markup (the Delivery API's <c>{ "markup": … }</c>), sanitized by the hub when it was saved.</summary>
    public string? Markup(string alias) =>
        Property(alias) is { ValueKind: JsonValueKind.Object } value
        && value.TryGetProperty("markup", out var markup)
        && markup.GetString() is { Length: > 0 } html
            ? html
            : null;

    public bool Flag(string alias) => Property(alias) is { ValueKind: JsonValueKind.True };

    public int? Number(string alias) =>
        Property(alias) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number) ? number : null;

    /// <summary>
    /// A date the hub stores as the event's local time (no offset, as Umbraco's date picker does), or an instant
    /// (with an offset), which is then converted to <paramref name="zone"/>.
    /// </summary>
    public DateTime? Date(string alias, TimeZoneInfo? zone = null)
    {
        if (Property(alias) is not { ValueKind: JsonValueKind.String } value || value.GetString() is not { Length: > 0 } text)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed))
        {
            return null;
        }

        var hasOffset = text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > text.IndexOf('T');
        return hasOffset && zone is not null ? TimeZoneInfo.ConvertTime(parsed, zone).DateTime : hasOffset ? parsed.UtcDateTime : parsed.DateTime;
    }

    public IReadOnlyList<string> Strings(string alias) =>
        Property(alias) is { ValueKind: JsonValueKind.Array } value
            ? value.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!).ToList()
            : [];

    /// <summary>The items a content picker holds (references, or expanded items).</summary>
    public IReadOnlyList<ApiContent> Items(string alias)
    {
        var value = Property(alias);
        if (value is { ValueKind: JsonValueKind.Object })
        {
            return value.Value.Deserialize<ApiContent>(HubJson.Options) is { } single ? [single] : [];
        }

        return value is { ValueKind: JsonValueKind.Array }
            ? value.Value.EnumerateArray().Select(item => item.Deserialize<ApiContent>(HubJson.Options)!).ToList()
            : [];
    }

    /// <summary>The form a Forms picker holds: its id.</summary>
    public Guid? FormId(string alias) =>
        Property(alias) is { ValueKind: JsonValueKind.Object } value
        && value.TryGetProperty("id", out var id)
        && id.TryGetGuid(out var key)
            ? key
            : null;

    /// <summary>This item's path in another of the hub's cultures, when it is published there.</summary>
    public string? PathIn(string hubCulture) =>
        Cultures?.FirstOrDefault(entry => string.Equals(entry.Key, hubCulture, StringComparison.OrdinalIgnoreCase)).Value?.Path;

    /// <summary>The last segment of this item's path in a culture (campaign filters name campaigns by it).</summary>
    public string? SegmentIn(string hubCulture) =>
        PathIn(hubCulture)?.TrimEnd('/').Split('/').LastOrDefault();

    private JsonElement? Property(string alias) =>
        Properties.TryGetValue(alias, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) ? value : null;
}

public sealed record ApiRoute(string Path);

/// <summary>A page of a Delivery API query.</summary>
public sealed record ApiContentPage(int Total, IReadOnlyList<ApiContent> Items)
{
    public static ApiContentPage Empty { get; } = new(0, []);
}

internal static class HubJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
