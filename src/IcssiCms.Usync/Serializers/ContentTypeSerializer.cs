using System.Xml.Linq;
using IcssiCms.Usync.Model;

namespace IcssiCms.Usync.Serializers;

/// <summary>Reads <c>&lt;ContentType&gt;</c> (document type) files (folder <c>ContentTypes</c>).</summary>
internal sealed class ContentTypeSerializer : IUsyncSerializer<UsyncContentType>
{
    public UsyncItemType ItemType => UsyncItemType.ContentType;

    public UsyncContentType Deserialize(XElement root, ElementReader reader)
    {
        var info = reader.Required(root, "Info") ?? new XElement("Info");

        return new UsyncContentType(
            reader.Key(root),
            reader.RequiredAttribute(root, "Alias"),
            reader.Level(root),
            reader.RequiredText(info, "Name"),
            reader.OptionalText(info, "Icon") ?? string.Empty,
            reader.OptionalText(info, "Description") ?? string.Empty,
            reader.Bool(info, "AllowAtRoot"),
            reader.Variations(info),
            reader.Bool(info, "IsElement", required: false),
            reader.OptionalText(info, "Folder"),
            References(info.Element("Compositions"), "Composition", reader),
            References(root.Element("Structure"), "ContentType", reader),
            Properties(root.Element("GenericProperties"), reader),
            Tabs(root.Element("Tabs"), reader),
            reader.At(root));
    }

    private static List<UsyncReference> References(XElement? list, string itemName, ElementReader reader) =>
        list?.Elements(itemName)
            .Select(e => new UsyncReference(reader.Key(e), e.Value.Trim(), reader.IntAttribute(e, "SortOrder"), ElementReader.LineOf(e)))
            .ToList() ?? [];

    private static List<UsyncPropertyType> Properties(XElement? list, ElementReader reader) =>
        list?.Elements("GenericProperty").Select(p =>
        {
            var tab = reader.Required(p, "Tab");
            return new UsyncPropertyType(
                reader.KeyText(p, "Key"),
                reader.RequiredText(p, "Alias"),
                reader.RequiredText(p, "Name"),
                reader.KeyText(p, "Definition"),
                reader.RequiredText(p, "Type"),
                reader.Bool(p, "Mandatory"),
                reader.OptionalText(p, "Validation"),
                reader.OptionalText(p, "Description"),
                reader.Int(p, "SortOrder"),
                tab?.Attribute("Alias")?.Value ?? string.Empty,
                tab?.Value ?? string.Empty,
                reader.Variations(p),
                reader.OptionalText(p, "MandatoryMessage"),
                reader.OptionalText(p, "ValidationRegExpMessage"),
                reader.Bool(p, "LabelOnTop", required: false),
                ElementReader.LineOf(p));
        }).ToList() ?? [];

    private static List<UsyncTab> Tabs(XElement? list, ElementReader reader) =>
        list?.Elements("Tab").Select(t => new UsyncTab(
            reader.KeyText(t, "Key"),
            reader.RequiredText(t, "Alias"),
            reader.RequiredText(t, "Caption"),
            reader.OptionalText(t, "Type") ?? "Group",
            reader.Int(t, "SortOrder", required: false),
            ElementReader.LineOf(t))).ToList() ?? [];
}
