using System.Xml.Linq;
using IcssiCms.Usync.Model;

namespace IcssiCms.Usync.Serializers;

/// <summary>Reads <c>&lt;Language&gt;</c> files (folder <c>Languages</c>).</summary>
internal sealed class LanguageSerializer : IUsyncSerializer<UsyncLanguage>
{
    public UsyncItemType ItemType => UsyncItemType.Language;

    public UsyncLanguage Deserialize(XElement root, ElementReader reader)
    {
        var alias = reader.RequiredAttribute(root, "Alias");
        var isoCode = reader.RequiredText(root, "IsoCode");
        if (isoCode.Length > 0 && alias.Length > 0 && !string.Equals(alias, isoCode, StringComparison.OrdinalIgnoreCase))
        {
            reader.Problem(root, $"Alias '{alias}' differs from <IsoCode> '{isoCode}'.");
        }

        return new UsyncLanguage(
            isoCode,
            reader.OptionalText(root, "Name") ?? isoCode,
            reader.Bool(root, "IsDefault"),
            reader.Bool(root, "IsMandatory"),
            reader.OptionalText(root, "Fallback"),
            reader.At(root));
    }
}
