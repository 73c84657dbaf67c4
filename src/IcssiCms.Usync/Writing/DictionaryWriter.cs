using System.Xml.Linq;
using IcssiCms.Usync.Model;

namespace IcssiCms.Usync.Writing;

/// <summary>Writes <c>&lt;Dictionary&gt;</c> files: named by the key, lower-cased with its dots kept; translations by language.</summary>
public sealed class DictionaryWriter : UsyncItemWriter<UsyncDictionaryItem>
{
    public override UsyncHandler Handler => UsyncHandlers.Dictionary;

    public override string FileBaseName(UsyncDictionaryItem item) => UsyncFileNames.SafeFileNameKeepingDots(item.Alias);

    public override XElement Serialize(UsyncDictionaryItem item)
    {
        var root = Root(Handler.ElementName, item.Key, item.Alias, item.Level);
        root.Add(string.IsNullOrEmpty(item.ParentAlias)
            ? new XElement("Info")
            : new XElement("Info", UsyncXml.Text("Parent", item.ParentAlias)));
        root.Add(new XElement(
            "Translations",
            item.Translations
                .OrderBy(t => t.Key, UsyncXml.Order)
                .Select(t => new XElement("Translation", new XAttribute("Language", t.Key), t.Value))));
        return root;
    }
}
