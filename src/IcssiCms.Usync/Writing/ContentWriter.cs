using System.Xml;
using System.Xml.Linq;
using IcssiCms.Usync.Model;

namespace IcssiCms.Usync.Writing;

/// <summary>
/// Writes <c>&lt;Content&gt;</c> files. The parent's name and the <c>&lt;Path&gt;</c> (names without spaces, root
/// first) come from the tree the writer is given, as uSync reads them from Umbraco's tree; names, publish states and
/// values are written per culture in order, properties by alias. Values are the raw stored strings, in CDATA.
/// Schedules and templates are not in the model: they are written empty, as the hub's content has them.
/// </summary>
public sealed class ContentWriter(IEnumerable<UsyncContent> tree) : UsyncItemWriter<UsyncContent>
{
    private readonly Dictionary<Guid, UsyncContent> _byKey = tree.GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.First());

    public ContentWriter()
        : this([])
    {
    }

    public override UsyncHandler Handler => UsyncHandlers.Content;

    public override string FileBaseName(UsyncContent item) => UsyncFileNames.SafeFileName(item.Name);

    public override XElement Serialize(UsyncContent item)
    {
        var parent = item.IsRoot ? null : _byKey.GetValueOrDefault(item.ParentKey);
        var info = new XElement(
            "Info",
            new XElement("Parent", new XAttribute("Key", UsyncXml.Key(item.ParentKey)), parent?.Name ?? string.Empty),
            UsyncXml.Text("Path", PathOf(item)),
            UsyncXml.Text("Trashed", UsyncXml.Bool(item.Trashed)),
            UsyncXml.Text("ContentType", item.ContentTypeAlias),
            UsyncXml.Text("CreateDate", XmlConvert.ToString(item.CreateDate, XmlDateTimeSerializationMode.RoundtripKind)),
            new XElement(
                "NodeName",
                new XAttribute("Default", item.Name),
                item.CultureNames
                    .OrderBy(c => c.Key, UsyncXml.Order)
                    .Select(c => new XElement("Name", new XAttribute("Culture", c.Key), c.Value))),
            UsyncXml.Text("SortOrder", UsyncXml.Int(item.SortOrder)),
            new XElement(
                "Published",
                new XAttribute("Default", UsyncXml.Bool(item.PublishedDefault)),
                item.PublishedCultures
                    .OrderBy(c => c.Key, UsyncXml.Order)
                    .Select(c => new XElement("Published", new XAttribute("Culture", c.Key), UsyncXml.Bool(c.Value)))),
            new XElement("Schedule"),
            new XElement("Template"));

        var properties = new XElement(
            "Properties",
            item.Properties
                .GroupBy(v => v.Alias, StringComparer.Ordinal)
                .OrderBy(g => g.Key, UsyncXml.Order)
                .Select(g => new XElement(
                    XmlConvert.EncodeLocalName(g.Key),
                    g.OrderBy(v => v.Culture ?? string.Empty, UsyncXml.Order)
                        .ThenBy(v => v.Segment ?? string.Empty, UsyncXml.Order)
                        .ThenBy(v => v.Value, StringComparer.Ordinal)
                        .Select(Value))));

        var root = Root(Handler.ElementName, item.Key, item.Name, item.Level);
        root.Add(info, properties);
        return root;
    }

    /// <summary>The names from the root down to the node, spaces removed: <c>/IraqiCivilSocietySolidarityInitiative/Campaigns</c>.</summary>
    public string PathOf(UsyncContent item)
    {
        var names = new List<string>();
        var seen = new HashSet<Guid>();
        for (UsyncContent? node = item; node is not null && seen.Add(node.Key); node = node.IsRoot ? null : _byKey.GetValueOrDefault(node.ParentKey))
        {
            names.Add(node.Name.Replace(" ", string.Empty, StringComparison.Ordinal));
        }

        names.Reverse();
        return "/" + string.Join('/', names);
    }

    private static XElement Value(UsyncPropertyValue value) => UsyncXml.CData(
        "Value",
        value.Value,
        value.Culture is null ? null : new XAttribute("Culture", value.Culture),
        value.Segment is null ? null : new XAttribute("Segment", value.Segment));
}
