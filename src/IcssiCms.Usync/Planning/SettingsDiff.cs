using System.Text.Json;
using System.Xml.Linq;

namespace IcssiCms.Usync.Planning;

/// <summary>
/// The settings that differ between two uSync files of one item. Each file is flattened to setting → value, a setting
/// being the element's place in the file, with the identifying attribute of repeated elements
/// (<c>GenericPropertys/GenericProperty[summary]/Type</c>); JSON held in an element (a data type's configuration, a
/// form's pages) is flattened the same way, so a changed prevalue shows as itself, not as a whole new blob.
/// </summary>
public static class SettingsDiff
{
    private static readonly string[] IdentifyingAttributes = ["Alias", "Key", "Culture", "Language", "Id"];
    private static readonly string[] IdentifyingJsonProperties = ["alias", "id", "key", "value"];

    public static IReadOnlyList<SettingChange> Between(XElement? old, XElement? @new)
    {
        var before = Flatten(old);
        var after = Flatten(@new);
        return before.Keys.Union(after.Keys, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(setting => (setting, old: before.GetValueOrDefault(setting), @new: after.GetValueOrDefault(setting)))
            .Where(c => !string.Equals(c.old, c.@new, StringComparison.Ordinal))
            .Select(c => new SettingChange(c.setting, c.old, c.@new))
            .ToList();
    }

    private static Dictionary<string, string> Flatten(XElement? root)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root is null)
        {
            return settings;
        }

        foreach (var attribute in root.Attributes())
        {
            settings["@" + attribute.Name.LocalName] = attribute.Value;
        }

        foreach (var child in root.Elements())
        {
            Flatten(child, Name(child), settings);
        }

        return settings;
    }

    private static void Flatten(XElement element, string path, Dictionary<string, string> settings)
    {
        foreach (var attribute in element.Attributes().Where(a => !IdentifyingAttributes.Contains(a.Name.LocalName)))
        {
            settings[path + "@" + attribute.Name.LocalName] = attribute.Value;
        }

        if (!element.HasElements)
        {
            var text = element.Value.Trim();
            if (text.Length > 1 && (text[0] == '{' || text[0] == '[') && TryParse(text) is { } json)
            {
                using (json)
                {
                    FlattenJson(json.RootElement, path, settings);
                }
            }
            else
            {
                settings[path] = element.Value;
            }

            return;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var child in element.Elements())
        {
            var childPath = path + "/" + Name(child);
            // Repeated elements without an identity are told apart by their position.
            var count = seen[childPath] = seen.GetValueOrDefault(childPath) + 1;
            Flatten(child, count == 1 ? childPath : $"{childPath}#{count}", settings);
        }
    }

    private static void FlattenJson(JsonElement json, string path, Dictionary<string, string> settings)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in json.EnumerateObject())
                {
                    FlattenJson(property.Value, $"{path}.{property.Name}", settings);
                }

                if (!json.EnumerateObject().Any())
                {
                    settings[path] = "{}";
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in json.EnumerateArray())
                {
                    FlattenJson(item, $"{path}[{Identity(item) ?? index.ToString(System.Globalization.CultureInfo.InvariantCulture)}]", settings);
                    index++;
                }

                if (index == 0)
                {
                    settings[path] = "[]";
                }

                break;
            default:
                settings[path] = json.ValueKind == JsonValueKind.String ? json.GetString()! : json.GetRawText();
                break;
        }
    }

    private static string? Identity(JsonElement item) =>
        item.ValueKind != JsonValueKind.Object
            ? null
            : IdentifyingJsonProperties
                .Select(name => item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null)
                .FirstOrDefault(v => !string.IsNullOrEmpty(v));

    private static string Name(XElement element)
    {
        var identity = IdentifyingAttributes.Select(a => element.Attribute(a)?.Value).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        if (identity is null && element.Name.LocalName is "GenericProperty" or "Tab" && element.Element("Alias")?.Value is { Length: > 0 } alias)
        {
            identity = alias;
        }

        return identity is null ? element.Name.LocalName : $"{element.Name.LocalName}[{identity}]";
    }

    private static JsonDocument? TryParse(string text)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
