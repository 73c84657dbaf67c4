using System.Xml.Linq;

namespace IcssiCms.Usync.Writing;

/// <summary>
/// Turns one item of the model into the file uSync 17 writes for it: <see cref="Serialize"/> gives the root element,
/// <see cref="ToBytes"/> the whole file, <see cref="FileBaseName"/> the file's name before any clash suffix.
/// </summary>
public abstract class UsyncItemWriter<TItem>
{
    /// <summary>The handler whose folder the item's file goes in.</summary>
    public abstract UsyncHandler Handler { get; }

    public abstract XElement Serialize(TItem item);

    /// <summary>The file name without folder or extension, as uSync's default naming gives it.</summary>
    public abstract string FileBaseName(TItem item);

    public byte[] ToBytes(TItem item) => UsyncXml.ToBytes(Serialize(item));

    /// <summary>The root element every item file starts with: Key, Alias and Level attributes.</summary>
    protected static XElement Root(string name, Guid key, string alias, int? level) => new(
        name,
        new XAttribute("Key", UsyncXml.Key(key)),
        new XAttribute("Alias", alias),
        level is { } l ? new XAttribute("Level", UsyncXml.Int(l)) : null);
}
