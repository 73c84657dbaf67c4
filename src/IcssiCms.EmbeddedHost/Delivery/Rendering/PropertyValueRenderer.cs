using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IcssiCms.Usync.Editors;
using IcssiCms.Usync.Model;
using Umbraco.Cms.Core;

namespace IcssiCms.EmbeddedHost.Delivery.Rendering;

/// <summary>
/// Renders a stored property value as Umbraco's Delivery API renders its editor: text as strings, rich text as
/// markup and blocks, dates as ISO 8601, numbers and booleans as JSON numbers and booleans, tags and repeatable
/// text as arrays, dropdowns as a string (or an array when multiple), pickers as content references.
/// </summary>
internal static class PropertyValueRenderer
{
    private static readonly char[] LineBreaks = ['\r', '\n'];

    /// <param name="richTextAsJson">Umbraco's <c>RichTextOutputAsJson</c>: rich text as an element tree rather than markup.</param>
    /// <param name="form">For an expanded form picker: the form's definition, as the Forms API gives it.</param>
    public static object? Render(
        UsyncDataType dataType, string? stored, Func<Guid, ContentReference?> reference, bool richTextAsJson = false, Func<Guid, object?>? form = null)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            return EmptyValue(dataType);
        }

        var value = stored.Trim();
        return dataType.EditorAlias switch
        {
            Constants.PropertyEditors.Aliases.RichText when richTextAsJson => RichTextJson.From(RichText(value).Markup),
            Constants.PropertyEditors.Aliases.RichText => RichText(value),
            Constants.PropertyEditors.Aliases.DateTime =>
                DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null,
            Constants.PropertyEditors.Aliases.Integer =>
                int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null,
            Constants.PropertyEditors.Aliases.Decimal =>
                decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var dec) ? dec : null,
            Constants.PropertyEditors.Aliases.Boolean => value is "1" or "true" or "True",
            Constants.PropertyEditors.Aliases.Tags => StringArray(value),
            Constants.PropertyEditors.Aliases.MultipleTextstring =>
                value.StartsWith('[') ? StringArray(value) : value.Split(LineBreaks, StringSplitOptions.RemoveEmptyEntries),
            Constants.PropertyEditors.Aliases.DropDownListFlexible => Dropdown(dataType, value),
            Constants.PropertyEditors.Aliases.ContentPicker => Pickers(value, reference).FirstOrDefault(),
            Constants.PropertyEditors.Aliases.MultiNodeTreePicker => Pickers(value, reference),
            PropertyEditorCatalog.FormPicker => Guid.TryParse(value, out var formKey) ? new FormReference(formKey, form?.Invoke(formKey)) : null,
            _ => value.StartsWith('{') || value.StartsWith('[') ? JsonNode.Parse(value) : value,
        };
    }

    private static object? EmptyValue(UsyncDataType dataType) => dataType.EditorAlias switch
    {
        Constants.PropertyEditors.Aliases.Tags or Constants.PropertyEditors.Aliases.MultipleTextstring
            or Constants.PropertyEditors.Aliases.MultiNodeTreePicker => Array.Empty<object>(),
        Constants.PropertyEditors.Aliases.Boolean => false,
        _ => null,
    };

    private static RichTextValue RichText(string value)
    {
        if (value.StartsWith('{'))
        {
            using var json = JsonDocument.Parse(value);
            if (json.RootElement.TryGetProperty("markup", out var markup))
            {
                return new RichTextValue(markup.GetString() ?? string.Empty, []);
            }
        }

        return new RichTextValue(value, []);
    }

    private static object Dropdown(UsyncDataType dataType, string value)
    {
        var items = value.StartsWith('[') ? StringArray(value) : [value];
        using var config = JsonDocument.Parse(dataType.ConfigJson);
        var multiple = config.RootElement.TryGetProperty("multiple", out var m) && m.ValueKind == JsonValueKind.True;
        return multiple ? items : items.FirstOrDefault() ?? string.Empty;
    }

    private static string[] StringArray(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<string[]>(json) ?? [];
        }
        catch (JsonException)
        {
            return json.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
    }

    /// <summary>Picked items that are published in the request's culture; others are left out, as in Umbraco.</summary>
    private static List<ContentReference> Pickers(string value, Func<Guid, ContentReference?> reference) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(udi => UdiParser.TryParse(udi, out GuidUdi? parsed) ? reference(parsed.Guid) : null)
            .OfType<ContentReference>()
            .ToList();
}
