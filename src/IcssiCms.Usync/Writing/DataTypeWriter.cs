using System.Xml.Linq;
using IcssiCms.Usync.Model;

namespace IcssiCms.Usync.Writing;

/// <summary>Writes <c>&lt;DataType&gt;</c> files: the name is the alias, the configuration JSON goes in CDATA as it is.</summary>
public sealed class DataTypeWriter : UsyncItemWriter<UsyncDataType>
{
    public override UsyncHandler Handler => UsyncHandlers.DataTypes;

    /// <summary>Data types are named by a safe alias of their name, case kept: <c>Richtext editor</c> → <c>Richtexteditor</c>.</summary>
    public override string FileBaseName(UsyncDataType item) => UsyncFileNames.SafeAlias(item.Name);

    public override XElement Serialize(UsyncDataType item)
    {
        var info = new XElement(
            "Info",
            UsyncXml.Text("Name", item.Name),
            UsyncXml.Text("EditorAlias", item.EditorAlias),
            UsyncXml.Text("EditorUIAlias", item.EditorUiAlias));
        if (!string.IsNullOrEmpty(item.Folder))
        {
            info.Add(UsyncXml.Text("Folder", item.Folder));
        }

        var root = Root(Handler.ElementName, item.Key, item.Name, item.Level);
        root.Add(info, UsyncXml.CData("Config", string.IsNullOrEmpty(item.ConfigJson) ? "{}" : item.ConfigJson));
        return root;
    }
}
