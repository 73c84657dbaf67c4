using System.Xml.Linq;
using IcssiCms.Usync.Model;

namespace IcssiCms.Usync.Writing;

/// <summary>
/// Writes <c>&lt;ContentType&gt;</c> (document type) files in uSync's canonical order: compositions by alias, allowed
/// children by sort order, properties by alias, tabs by key. What the model does not hold (thumbnail, list view, history
/// cleanup, templates) is written as a new Umbraco 17 document type has it, which is what the hub's types have.
/// </summary>
public sealed class ContentTypeWriter : UsyncItemWriter<UsyncContentType>
{
    public override UsyncHandler Handler => UsyncHandlers.ContentTypes;

    public override string FileBaseName(UsyncContentType item) => UsyncFileNames.SafeFileName(item.Alias);

    public override XElement Serialize(UsyncContentType item)
    {
        var info = new XElement(
            "Info",
            UsyncXml.Text("Name", item.Name),
            UsyncXml.Text("Icon", item.Icon),
            UsyncXml.Text("Thumbnail", "folder.png"),
            UsyncXml.Text("Description", item.Description),
            UsyncXml.Text("AllowAtRoot", UsyncXml.PascalBool(item.AllowAtRoot)),
            UsyncXml.Text("ListView", UsyncXml.Key(Guid.Empty)),
            UsyncXml.Text("Variations", item.Variations.ToString()),
            UsyncXml.Text("IsElement", UsyncXml.Bool(item.IsElement)),
            new XElement(
                "HistoryCleanup",
                UsyncXml.Text("PreventCleanup", UsyncXml.PascalBool(false)),
                UsyncXml.Text("KeepAllVersionsNewerThanDays", string.Empty),
                UsyncXml.Text("KeepLatestVersionPerDayForDays", string.Empty)));
        if (!string.IsNullOrEmpty(item.Folder))
        {
            info.Add(UsyncXml.Text("Folder", item.Folder));
        }

        info.Add(
            new XElement(
                "Compositions",
                item.Compositions
                    .OrderBy(c => c.Alias, UsyncXml.Order)
                    .ThenBy(c => UsyncXml.Key(c.Key), StringComparer.Ordinal)
                    .Select(c => new XElement("Composition", new XAttribute("Key", UsyncXml.Key(c.Key)), c.Alias))),
            UsyncXml.Text("DefaultTemplate", string.Empty),
            new XElement("AllowedTemplates"));

        var root = Root(Handler.ElementName, item.Key, item.Alias, item.Level);
        root.Add(
            info,
            new XElement(
                "Structure",
                item.AllowedChildren
                    .OrderBy(c => c.SortOrder)
                    .ThenBy(c => c.Alias, UsyncXml.Order)
                    .ThenBy(c => UsyncXml.Key(c.Key), StringComparer.Ordinal)
                    .Select(c => new XElement(
                        "ContentType",
                        new XAttribute("Key", UsyncXml.Key(c.Key)),
                        new XAttribute("SortOrder", UsyncXml.Int(c.SortOrder)),
                        c.Alias))),
            new XElement(
                "GenericProperties",
                item.Properties
                    .OrderBy(p => p.Alias, UsyncXml.Order)
                    .ThenBy(p => UsyncXml.Key(p.Key), StringComparer.Ordinal)
                    .Select(Property)),
            new XElement(
                "Tabs",
                item.Tabs
                    .OrderBy(t => UsyncXml.Key(t.Key), StringComparer.Ordinal)
                    .ThenBy(t => t.Alias, UsyncXml.Order)
                    .Select(Tab)));
        return root;
    }

    private static XElement Property(UsyncPropertyType property) => new(
        "GenericProperty",
        UsyncXml.Text("Key", UsyncXml.Key(property.Key)),
        UsyncXml.Text("Name", property.Name),
        UsyncXml.Text("Alias", property.Alias),
        UsyncXml.Text("Definition", UsyncXml.Key(property.DataTypeKey)),
        UsyncXml.Text("Type", property.EditorAlias),
        UsyncXml.Text("Mandatory", UsyncXml.Bool(property.Mandatory)),
        UsyncXml.Text("Validation", property.Validation),
        UsyncXml.CData("Description", property.Description),
        UsyncXml.Text("SortOrder", UsyncXml.Int(property.SortOrder)),
        new XElement("Tab", new XAttribute("Alias", property.TabAlias), property.TabCaption),
        UsyncXml.Text("Variations", property.Variations.ToString()),
        UsyncXml.Text("MandatoryMessage", property.MandatoryMessage),
        UsyncXml.Text("ValidationRegExpMessage", property.ValidationMessage),
        UsyncXml.Text("LabelOnTop", UsyncXml.Bool(property.LabelOnTop)));

    private static XElement Tab(UsyncTab tab) => new(
        "Tab",
        UsyncXml.Text("Key", UsyncXml.Key(tab.Key)),
        UsyncXml.Text("Caption", tab.Caption),
        UsyncXml.Text("Alias", tab.Alias),
        UsyncXml.Text("Type", tab.Type),
        UsyncXml.Text("SortOrder", UsyncXml.Int(tab.SortOrder)));
}
