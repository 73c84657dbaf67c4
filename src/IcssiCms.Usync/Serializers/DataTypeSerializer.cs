using System.Xml.Linq;
using IcssiCms.Usync.Model;

namespace IcssiCms.Usync.Serializers;

/// <summary>Reads <c>&lt;DataType&gt;</c> files (folder <c>DataTypes</c>).</summary>
internal sealed class DataTypeSerializer : IUsyncSerializer<UsyncDataType>
{
    public UsyncItemType ItemType => UsyncItemType.DataType;

    public UsyncDataType Deserialize(XElement root, ElementReader reader)
    {
        var alias = reader.RequiredAttribute(root, "Alias");
        var info = reader.Required(root, "Info") ?? new XElement("Info");
        var name = reader.RequiredText(info, "Name");
        if (name.Length > 0 && alias.Length > 0 && alias != name)
        {
            reader.Problem(root, $"Alias '{alias}' differs from <Name> '{name}' (a data type's alias is its name).");
        }

        var editorUiAlias = reader.Required(info, "EditorUIAlias")?.Value.Trim() ?? string.Empty;
        if (info.Element("EditorUIAlias") is { } uiElement && editorUiAlias.Length == 0)
        {
            reader.Problem(uiElement, "<EditorUIAlias> is empty: the v17 back office cannot edit a data type without one.");
        }

        return new UsyncDataType(
            reader.Key(root),
            name,
            reader.Level(root),
            reader.RequiredText(info, "EditorAlias"),
            editorUiAlias,
            reader.Required(root, "Config")?.Value.Trim() ?? "{}",
            reader.OptionalText(info, "Folder"),
            reader.At(root));
    }
}
