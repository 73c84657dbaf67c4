using System.Xml.Linq;
using IcssiCms.Usync.Model;

namespace IcssiCms.Usync.Serializers;

/// <summary>
/// Reads <c>&lt;Dictionary&gt;</c> files (folder <c>Dictionary</c>): the Alias is the dictionary key, <c>&lt;Info&gt;&lt;Parent&gt;</c>
/// the parent's key (a key string, not a GUID), and each <c>&lt;Translation Language="…"&gt;</c> one language's text.
/// </summary>
internal sealed class DictionarySerializer : IUsyncSerializer<UsyncDictionaryItem>
{
    public UsyncItemType ItemType => UsyncItemType.Dictionary;

    public UsyncDictionaryItem Deserialize(XElement root, ElementReader reader)
    {
        var alias = reader.RequiredAttribute(root, "Alias");
        var info = reader.Required(root, "Info") ?? new XElement("Info");
        var parent = info.Element("Parent")?.Value.Trim();

        var translations = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var translation in root.Element("Translations")?.Elements() ?? [])
        {
            if (translation.Name.LocalName != "Translation")
            {
                reader.Problem(translation, $"<Translations> holds <{translation.Name.LocalName}>; expected <Translation Language=\"…\">.");
                continue;
            }

            var language = reader.RequiredAttribute(translation, "Language");
            if (language.Length > 0 && !translations.TryAdd(language, translation.Value))
            {
                reader.Problem(translation, $"'{alias}' has two translations for '{language}'.");
            }
        }

        return new UsyncDictionaryItem(
            reader.Key(root),
            alias,
            string.IsNullOrEmpty(parent) ? null : parent,
            reader.Level(root),
            translations,
            reader.At(root));
    }
}
