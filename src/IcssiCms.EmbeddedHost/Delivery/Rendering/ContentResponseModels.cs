using System.Text.Json.Serialization;

namespace IcssiCms.EmbeddedHost.Delivery.Rendering;

// The Delivery API v2 response models, with Umbraco's property names and order.

public sealed record ContentStartItem(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("path")] string Path);

public sealed record ContentRoute(
    [property: JsonPropertyName("path"), JsonPropertyOrder(0)] string Path,
    [property: JsonPropertyName("startItem"), JsonPropertyOrder(2)] ContentStartItem StartItem)
{
    /// <summary>Always written, null here: the hub's routes carry no query string.</summary>
    [JsonPropertyName("queryString")]
    [JsonPropertyOrder(1)]
    public string? QueryString { get; init; }
}

/// <summary>An item as the API answers for it, with its route in each published culture.</summary>
public sealed record ContentItemResponse(
    [property: JsonPropertyName("contentType")] string ContentType,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("createDate")] DateTime CreateDate,
    [property: JsonPropertyName("updateDate")] DateTime UpdateDate,
    [property: JsonPropertyName("route")] ContentRoute Route,
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("properties")] IReadOnlyDictionary<string, object?> Properties,
    [property: JsonPropertyName("cultures")] IReadOnlyDictionary<string, ContentRoute> Cultures);

/// <summary>A picked item inside a property value: no cultures, and properties only when expanded.</summary>
public sealed record ContentReference(
    [property: JsonPropertyName("contentType")] string ContentType,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("createDate")] DateTime CreateDate,
    [property: JsonPropertyName("updateDate")] DateTime UpdateDate,
    [property: JsonPropertyName("route")] ContentRoute Route,
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("properties")] IReadOnlyDictionary<string, object?> Properties);

public sealed record PagedContentResponse(
    [property: JsonPropertyName("total"), JsonNumberHandling(JsonNumberHandling.Strict)] long Total,
    [property: JsonPropertyName("items")] IReadOnlyList<ContentItemResponse> Items);

/// <summary>A rich text value when <c>RichTextOutputAsJson</c> is off: the markup, and its blocks.</summary>
public sealed record RichTextValue(
    [property: JsonPropertyName("markup")] string Markup,
    [property: JsonPropertyName("blocks")] IReadOnlyList<object> Blocks);

/// <summary>A form picker's value: the form is only filled in when expanded.</summary>
public sealed record FormReference(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("form")] object? Form);
