using System.Text.Json.Serialization;

namespace IcssiCms.EmbeddedHost.Delivery.Rendering;

// The Delivery API v2 response models, with Umbraco's property names and order.

public sealed record ContentStartItem(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("path")] string Path);

public sealed record ContentRoute(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("queryString")] string? QueryString,
    [property: JsonPropertyName("startItem")] ContentStartItem StartItem);

/// <summary>An item: <c>cultures</c> is left out (null) where the item is a picked reference rather than a response.</summary>
public sealed record ContentItemResponse(
    [property: JsonPropertyName("contentType")] string ContentType,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("createDate")] DateTime CreateDate,
    [property: JsonPropertyName("updateDate")] DateTime UpdateDate,
    [property: JsonPropertyName("route")] ContentRoute Route,
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("properties")] IReadOnlyDictionary<string, object?> Properties,
    [property: JsonPropertyName("cultures"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, ContentRoute>? Cultures);

public sealed record PagedContentResponse(
    [property: JsonPropertyName("total")] long Total,
    [property: JsonPropertyName("items")] IReadOnlyList<ContentItemResponse> Items);

/// <summary>A rich text value when <c>RichTextOutputAsJson</c> is off: the markup, and its blocks.</summary>
public sealed record RichTextValue(
    [property: JsonPropertyName("markup")] string Markup,
    [property: JsonPropertyName("blocks")] IReadOnlyList<object> Blocks);

/// <summary>A form picker's value: the form is only filled in when expanded.</summary>
public sealed record FormReference(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("form")] object? Form);
