using System.Xml.Linq;
using IcssiCms.Usync.Model;

namespace IcssiCms.Usync.Serializers;

/// <summary>Converts one uSync item file's root element into the model. No files, no store: XML in, item out.</summary>
internal interface IUsyncSerializer<out TItem>
{
    UsyncItemType ItemType { get; }

    TItem Deserialize(XElement root, ElementReader reader);
}
