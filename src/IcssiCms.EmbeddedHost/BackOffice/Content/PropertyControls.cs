using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using IcssiCms.Usync.Editors;
using IcssiCms.Usync.Model;
using Umbraco.Cms.Core;

namespace IcssiCms.EmbeddedHost.BackOffice.Content;

/// <summary>The form control that edits a property, chosen by its data type's property editor.</summary>
internal enum PropertyControl
{
    TextBox,
    TextArea,
    RichText,
    DateTime,
    Integer,
    Decimal,
    Boolean,
    Dropdown,
    ContentPicker,
    MultiPicker,

    /// <summary>Umbraco Forms' form picker: a select of the forms in the store, stored as the form's key.</summary>
    FormPicker,
    Tags,
    Raw,
}

/// <summary>
/// Turns a stored value into what its control shows, and what a control posts back into the value Umbraco stores
/// (rich text as <c>{"markup":…}</c>, tags and dropdown choices as JSON arrays, pickers as <c>umb://document/…</c>,
/// a picked form as its key).
/// </summary>
internal static class PropertyControls
{
    private const string DocumentUdi = "umb://document/";

    // As uSync and Umbraco store JSON: markup and non-Latin text as they are, not as \u escapes.
    private static readonly JsonSerializerOptions StoredJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static PropertyControl For(UsyncDataType dataType) => dataType.EditorAlias switch
    {
        Constants.PropertyEditors.Aliases.TextBox or Constants.PropertyEditors.Aliases.EmailAddress => PropertyControl.TextBox,
        Constants.PropertyEditors.Aliases.TextArea => PropertyControl.TextArea,
        Constants.PropertyEditors.Aliases.RichText => PropertyControl.RichText,
        Constants.PropertyEditors.Aliases.DateTime => PropertyControl.DateTime,
        Constants.PropertyEditors.Aliases.Integer => PropertyControl.Integer,
        Constants.PropertyEditors.Aliases.Decimal => PropertyControl.Decimal,
        Constants.PropertyEditors.Aliases.Boolean => PropertyControl.Boolean,
        Constants.PropertyEditors.Aliases.DropDownListFlexible => PropertyControl.Dropdown,
        Constants.PropertyEditors.Aliases.ContentPicker => PropertyControl.ContentPicker,
        Constants.PropertyEditors.Aliases.MultiNodeTreePicker => PropertyControl.MultiPicker,
        Constants.PropertyEditors.Aliases.Tags => PropertyControl.Tags,
        PropertyEditorCatalog.FormPicker => PropertyControl.FormPicker,
        _ => PropertyControl.Raw,
    };

    /// <summary>The dropdown's items, from its data type's configuration.</summary>
    public static IReadOnlyList<string> DropdownItems(UsyncDataType dataType) =>
        Config(dataType)?["items"] is JsonArray items ? items.Select(i => i?.GetValue<string>() ?? string.Empty).ToList() : [];

    /// <summary>The document types a picker may pick (its <c>filter</c>: keys or aliases); empty for any.</summary>
    public static IReadOnlyList<string> PickerFilter(UsyncDataType dataType) =>
        Config(dataType)?["filter"] is JsonValue filter && filter.GetValue<string>() is { Length: > 0 } text
            ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];

    /// <summary>What the control shows for a stored value. Pickers give document keys, comma-separated.</summary>
    public static string ToForm(PropertyControl control, string? stored)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return string.Empty;
        }

        switch (control)
        {
            case PropertyControl.RichText:
                return TryParse(stored) is JsonObject rich && rich["markup"] is JsonValue markup ? markup.GetValue<string>() : stored;
            case PropertyControl.DateTime:
                return DateTime.TryParse(stored, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? date.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)
                    : stored;
            case PropertyControl.Boolean:
                return stored is "1" or "true" or "True" ? "true" : string.Empty;
            case PropertyControl.Tags:
            case PropertyControl.Dropdown:
                return TryParse(stored) is JsonArray array ? string.Join(", ", array.Select(i => i?.ToString())) : stored;
            case PropertyControl.ContentPicker:
            case PropertyControl.MultiPicker:
                return string.Join(",", stored.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(udi => Guid.TryParseExact(udi.StartsWith(DocumentUdi, StringComparison.Ordinal) ? udi[DocumentUdi.Length..] : udi, "N", out var key)
                        ? key.ToString("D")
                        : udi));
            case PropertyControl.FormPicker:
                return Guid.TryParse(stored, out var form) ? form.ToString("D") : stored;
            default:
                return stored;
        }
    }

    /// <summary>The stored value for what a control posted (null for empty), or why it cannot be stored.</summary>
    public static (string? Stored, string? Error) FromForm(PropertyControl control, string? posted, Func<string, string> sanitize)
    {
        var text = posted?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return control == PropertyControl.Boolean ? ("0", null) : (null, null);
        }

        switch (control)
        {
            case PropertyControl.RichText:
                var markup = sanitize(text);
                return (markup.Length == 0 ? null : new JsonObject { ["markup"] = markup, ["blocks"] = null }.ToJsonString(StoredJson), null);
            case PropertyControl.DateTime:
                return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? (date.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), null)
                    : (null, "Enter a date and time.");
            case PropertyControl.Integer:
                return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                    ? (number.ToString(CultureInfo.InvariantCulture), null)
                    : (null, "Enter a whole number.");
            case PropertyControl.Decimal:
                return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
                    ? (amount.ToString(CultureInfo.InvariantCulture), null)
                    : (null, "Enter a number.");
            case PropertyControl.Boolean:
                return (text is "true" or "on" or "1" ? "1" : "0", null);
            case PropertyControl.Tags:
            case PropertyControl.Dropdown:
                var items = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToArray();
                return (JsonSerializer.Serialize(items, StoredJson), null);
            case PropertyControl.ContentPicker:
            case PropertyControl.MultiPicker:
                var keys = new List<string>();
                foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (!Guid.TryParse(part, out var key))
                    {
                        return (null, "Pick items from the list.");
                    }

                    keys.Add(DocumentUdi + key.ToString("N"));
                }

                return (string.Join(",", keys.Distinct(StringComparer.Ordinal)), null);
            case PropertyControl.FormPicker:
                return Guid.TryParse(text, out var form) ? (form.ToString("D"), null) : (null, "Pick a form from the list.");
            default:
                return (text, null);
        }
    }

    /// <summary>Whether a stored value counts as empty for a mandatory property.</summary>
    public static bool IsEmpty(PropertyControl control, string? stored) =>
        string.IsNullOrWhiteSpace(stored)
        || (control is PropertyControl.Tags or PropertyControl.Dropdown && TryParse(stored) is JsonArray { Count: 0 })
        || (control == PropertyControl.RichText && string.IsNullOrWhiteSpace(ToForm(control, stored)));

    private static JsonNode? Config(UsyncDataType dataType) => TryParse(dataType.ConfigJson);

    private static JsonNode? TryParse(string json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
