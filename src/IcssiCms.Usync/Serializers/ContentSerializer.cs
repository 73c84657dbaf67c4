using System.Xml.Linq;
using IcssiCms.Usync.Model;

namespace IcssiCms.Usync.Serializers;

/// <summary>Reads <c>&lt;Content&gt;</c> files (folder <c>Content</c>).</summary>
internal sealed class ContentSerializer : IUsyncSerializer<UsyncContent>
{
    public UsyncItemType ItemType => UsyncItemType.Content;

    public UsyncContent Deserialize(XElement root, ElementReader reader)
    {
        var info = reader.Required(root, "Info") ?? new XElement("Info");
        var parent = reader.Required(info, "Parent");
        var nodeName = reader.Required(info, "NodeName");
        var published = reader.Required(info, "Published");
        var alias = reader.RequiredAttribute(root, "Alias");

        var cultureNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in nodeName?.Elements("Name") ?? [])
        {
            var culture = reader.RequiredAttribute(name, "Culture");
            if (!cultureNames.TryAdd(culture, name.Value.Trim()))
            {
                reader.Problem(name, $"The name for culture '{culture}' is given twice.");
            }
        }

        var publishedCultures = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in published?.Elements("Published") ?? [])
        {
            var culture = reader.RequiredAttribute(entry, "Culture");
            if (!bool.TryParse(entry.Value.Trim(), out var isPublished))
            {
                reader.Problem(entry, $"<Published Culture=\"{culture}\"> '{entry.Value}' is not true or false.");
            }

            publishedCultures[culture] = isPublished;
        }

        return new UsyncContent(
            reader.Key(root),
            nodeName?.Attribute("Default")?.Value ?? alias,
            reader.Level(root),
            parent is null ? Guid.Empty : reader.Key(parent, allowEmpty: true),
            reader.OptionalText(info, "Path") ?? string.Empty,
            reader.Bool(info, "Trashed", required: false),
            reader.RequiredText(info, "ContentType"),
            reader.Date(info, "CreateDate"),
            reader.Int(info, "SortOrder"),
            cultureNames,
            published is not null && reader.BoolAttribute(published, "Default"),
            publishedCultures,
            Values(root.Element("Properties"), reader),
            reader.At(root));
    }

    private static List<UsyncPropertyValue> Values(XElement? properties, ElementReader reader)
    {
        var values = new List<UsyncPropertyValue>();
        foreach (var property in properties?.Elements() ?? [])
        {
            foreach (var value in property.Elements("Value"))
            {
                values.Add(new UsyncPropertyValue(
                    property.Name.LocalName,
                    NullIfEmpty(value.Attribute("Culture")?.Value),
                    NullIfEmpty(value.Attribute("Segment")?.Value),
                    value.Value,
                    ElementReader.LineOf(value)));
            }
        }

        return values;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
