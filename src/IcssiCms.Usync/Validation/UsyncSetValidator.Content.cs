using System.Globalization;
using System.Text.Json;
using IcssiCms.Usync.Editors;
using IcssiCms.Usync.Model;
using Umbraco.Cms.Core.Models;
using IcssiCms.Usync.Mapping;

namespace IcssiCms.Usync.Validation;

public sealed partial class UsyncSetValidator
{
    private const string DocumentUdiPrefix = "umb://document/";

    private static void ValidateContent(ValidationContext context)
    {
        var content = context.Set.Content;
        ReportDuplicates(context, content, c => c.Key.ToString(), c => c.Source, "content key");
        var defaultCulture = context.Set.Languages.FirstOrDefault(l => l.IsDefault)?.IsoCode;

        foreach (var node in content)
        {
            if (!context.ContentTypesByAlias.TryGetValue(node.ContentTypeAlias, out var type))
            {
                context.Problem(node.Source, $"Document type '{node.ContentTypeAlias}' is not in the set.");
                continue;
            }

            CheckPlacement(context, node, type);
            CheckNames(context, node, type, defaultCulture);
            CheckValues(context, node, type);
        }

        CheckSiblingRoutes(context);
    }

    private static void CheckPlacement(ValidationContext context, UsyncContent node, UsyncContentType type)
    {
        if (type.IsElement)
        {
            context.Problem(node.Source, $"'{type.Alias}' is an element type: it cannot be a content node.");
        }

        if (node.IsRoot)
        {
            if (!type.AllowAtRoot)
            {
                context.Problem(node.Source, $"'{type.Alias}' is not allowed at the root.");
            }

            if (node.Level != 1)
            {
                context.Problem(node.Source, $"Level is {node.Level}, but a root node is at level 1.");
            }

            return;
        }

        if (node.ParentKey == node.Key)
        {
            context.Problem(node.Source, "A node cannot be its own parent.");
            return;
        }

        if (!context.Content.TryGetValue(node.ParentKey, out var parent))
        {
            context.Problem(node.Source, $"Parent {node.ParentKey} is not a content node in the set.");
            return;
        }

        if (node.Level != parent.Level + 1)
        {
            context.Problem(node.Source, $"Level is {node.Level}, but its parent '{parent.Name}' is at level {parent.Level}.");
        }

        if (context.ContentTypesByAlias.TryGetValue(parent.ContentTypeAlias, out var parentType)
            && !parentType.AllowedChildren.Any(c => c.Key == type.Key))
        {
            context.Problem(node.Source, $"'{parentType.Alias}' does not allow '{type.Alias}' below it.");
        }
    }

    private static void CheckNames(ValidationContext context, UsyncContent node, UsyncContentType type, string? defaultCulture)
    {
        foreach (var culture in node.CultureNames.Keys.Concat(node.PublishedCultures.Keys).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (!context.Cultures.Contains(culture))
            {
                context.Problem(node.Source, $"Culture '{culture}' is not a language in the set.");
            }
        }

        if (!type.VariesByCulture)
        {
            if (node.CultureNames.Count > 0)
            {
                context.Problem(node.Source, $"'{type.Alias}' does not vary by culture, but the node has names per culture.");
            }

            return;
        }

        if (defaultCulture is not null && !node.CultureNames.ContainsKey(defaultCulture))
        {
            context.Problem(node.Source, $"The node has no name in the default language '{defaultCulture}'.");
        }

        foreach (var (culture, published) in node.PublishedCultures)
        {
            if (published && (!node.CultureNames.TryGetValue(culture, out var name) || string.IsNullOrWhiteSpace(name)))
            {
                context.Problem(node.Source, $"Culture '{culture}' is published but has no name.");
            }
        }
    }

    private static void CheckValues(ValidationContext context, UsyncContent node, UsyncContentType type)
    {
        var properties = PropertiesOf(context, type);
        foreach (var value in node.Properties)
        {
            if (!properties.TryGetValue(value.Alias, out var property))
            {
                context.Problem(node.Source, value.Line, $"'{type.Alias}' has no property '{value.Alias}'.");
                continue;
            }

            var varies = property.Variations.HasFlag(ContentVariation.Culture);
            if (varies && value.Culture is null)
            {
                context.Problem(node.Source, value.Line, $"'{value.Alias}' varies by culture: its value needs a Culture.");
            }
            else if (!varies && value.Culture is not null)
            {
                context.Problem(node.Source, value.Line, $"'{value.Alias}' does not vary by culture, but has a value for '{value.Culture}'.");
            }
            else if (value.Culture is not null && !context.Cultures.Contains(value.Culture))
            {
                context.Problem(node.Source, value.Line, $"Culture '{value.Culture}' of '{value.Alias}' is not a language in the set.");
            }

            if (context.DataTypes.TryGetValue(property.DataTypeKey, out var dataType)
                && PropertyEditorCatalog.Find(dataType.EditorAlias) is { } editor
                && CheckValue(context, editor, dataType, value.Value) is { } problem)
            {
                context.Problem(node.Source, value.Line, $"'{value.Alias}': {problem}");
            }
        }
    }

    /// <summary>The properties of a document type with those of its compositions, by alias.</summary>
    private static Dictionary<string, UsyncPropertyType> PropertiesOf(ValidationContext context, UsyncContentType type)
    {
        var properties = new Dictionary<string, UsyncPropertyType>(StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<Guid>();
        var pending = new Stack<UsyncContentType>([type]);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current.Key))
            {
                continue;
            }

            foreach (var property in current.Properties)
            {
                properties.TryAdd(property.Alias, property);
            }

            foreach (var composition in current.Compositions)
            {
                if (context.ContentTypesByKey.TryGetValue(composition.Key, out var composed))
                {
                    pending.Push(composed);
                }
            }
        }

        return properties;
    }

    /// <summary>Checks one stored value against what its editor stores; null when it is fine.</summary>
    private static string? CheckValue(ValidationContext context, PropertyEditorInfo editor, UsyncDataType dataType, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        switch (editor.ValueKind)
        {
            case EditorValueKind.Integer when !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _):
                return $"'{text}' is not a whole number.";
            case EditorValueKind.Integer:
                return CheckIntegerRange(dataType, int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture));
            case EditorValueKind.Decimal when !decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out _):
                return $"'{text}' is not a number.";
            case EditorValueKind.Date when !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _):
                return $"'{text}' is not a date.";
            case EditorValueKind.Boolean when text is not ("0" or "1" or "true" or "false"):
                return $"'{text}' is not 0 or 1.";
            case EditorValueKind.FormKey when !Guid.TryParse(text, out _):
                return $"'{text}' is not a form key.";
            case EditorValueKind.FormKey when !context.Forms.ContainsKey(Guid.Parse(text)):
                return $"form {text} is not a form in the set.";
            case EditorValueKind.DocumentReferences:
                return CheckDocumentReferences(context, text);
            case EditorValueKind.StringArray when text.StartsWith('['):
                return StringArray(text, out _) ? null : $"'{text}' is not a JSON array of strings.";
            case EditorValueKind.DropdownItems:
                return CheckDropdown(dataType, text);
            default:
                return null;
        }
    }

    private static string? CheckDocumentReferences(ValidationContext context, string text)
    {
        foreach (var udi in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!udi.StartsWith(DocumentUdiPrefix, StringComparison.Ordinal)
                || !Guid.TryParseExact(udi[DocumentUdiPrefix.Length..], "N", out var key))
            {
                return $"'{udi}' is not a document reference (umb://document/<key>).";
            }

            if (!context.Content.ContainsKey(key))
            {
                return $"picked content {udi} is not a content node in the set.";
            }
        }

        return null;
    }

    private static string? CheckDropdown(UsyncDataType dataType, string text)
    {
        string[] picked;
        if (text.StartsWith('['))
        {
            if (!StringArray(text, out picked))
            {
                return $"'{text}' is not a JSON array of strings.";
            }
        }
        else
        {
            picked = [text];
        }

        using var config = JsonDocument.Parse(dataType.ConfigJson);
        if (!config.RootElement.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var allowed = items.EnumerateArray().Select(i => i.ValueKind == JsonValueKind.String ? i.GetString() : i.ToString()).ToHashSet();
        var unknown = picked.Where(p => !allowed.Contains(p)).ToList();
        return unknown.Count == 0 ? null : $"'{string.Join("', '", unknown)}' is not an item of '{dataType.Name}'.";
    }

    /// <summary>
    /// Umbraco's integer editor refuses a value outside its data type's <c>min</c> and <c>max</c>. A configuration that is
    /// not JSON is the data type's own problem, reported with it.
    /// </summary>
    private static string? CheckIntegerRange(UsyncDataType dataType, int value)
    {
        JsonDocument config;
        try
        {
            config = JsonDocument.Parse(dataType.ConfigJson);
        }
        catch (JsonException)
        {
            return null;
        }

        using var _ = config;
        int? Bound(string name) =>
            config.RootElement.ValueKind == JsonValueKind.Object
            && config.RootElement.TryGetProperty(name, out var bound)
            && bound.ValueKind == JsonValueKind.Number
            && bound.TryGetInt32(out var number)
                ? number
                : null;

        return (Bound("min"), Bound("max")) switch
        {
            ({ } min, _) when value < min => $"{value} is less than {min}, the least '{dataType.Name}' takes.",
            (_, { } max) when value > max => $"{value} is more than {max}, the most '{dataType.Name}' takes.",
            _ => null,
        };
    }

    private static bool StringArray(string json, out string[] values)
    {
        try
        {
            values = JsonSerializer.Deserialize<string[]>(json) ?? [];
            return true;
        }
        catch (JsonException)
        {
            values = [];
            return false;
        }
    }

    /// <summary>Two siblings whose names give the same URL segment in a culture would share a route.</summary>
    private static void CheckSiblingRoutes(ValidationContext context)
    {
        foreach (var siblings in context.Set.Content.Where(c => !c.Trashed).GroupBy(c => c.ParentKey))
        {
            var cultures = siblings.SelectMany(s => s.CultureNames.Keys).Distinct(StringComparer.OrdinalIgnoreCase).DefaultIfEmpty(null);
            foreach (var culture in cultures)
            {
                ReportDuplicates(context, siblings.ToList(), s => UmbracoStrings.UrlSegment(s.NameIn(culture), culture), s => s.Source,
                    culture is null ? "route segment" : $"route segment in '{culture}'");
            }
        }
    }
}
