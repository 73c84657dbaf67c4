using System.Xml.Linq;
using IcssiCms.Usync.Model;

namespace IcssiCms.Usync.Writing;

/// <summary>
/// Writes <c>&lt;Language&gt;</c> files. Languages have no stable key in Umbraco, so uSync writes one made up from
/// the culture name: its deterministic string hash in the first four bytes of an otherwise empty GUID.
/// </summary>
public sealed class LanguageWriter : UsyncItemWriter<UsyncLanguage>
{
    public override UsyncHandler Handler => UsyncHandlers.Languages;

    public override string FileBaseName(UsyncLanguage item) => UsyncFileNames.SafeFileName(item.IsoCode);

    public override XElement Serialize(UsyncLanguage item)
    {
        var root = Root(Handler.ElementName, KeyOf(item.IsoCode), item.IsoCode, 0);
        root.Add(
            UsyncXml.Text("Name", item.Name),
            UsyncXml.Text("IsoCode", item.IsoCode),
            UsyncXml.Text("IsMandatory", UsyncXml.Bool(item.IsMandatory)),
            UsyncXml.Text("IsDefault", UsyncXml.Bool(item.IsDefault)));
        if (!string.IsNullOrEmpty(item.Fallback))
        {
            root.Add(UsyncXml.Text("Fallback", item.Fallback));
        }

        return root;
    }

    /// <summary>The key uSync writes for a language (<c>en-US</c> → <c>eec79294-0000-0000-0000-000000000000</c>).</summary>
    public static Guid KeyOf(string isoCode)
    {
        var bytes = new byte[16];
        BitConverter.TryWriteBytes(bytes, DeterministicHash(isoCode));
        if (!BitConverter.IsLittleEndian)
        {
            Array.Reverse(bytes, 0, 4);
        }

        return new Guid(bytes);
    }

    /// <summary>A string hash that is the same in every process (the classic two-lane djb2 variant).</summary>
    private static int DeterministicHash(string text)
    {
        unchecked
        {
            var even = (5381 << 16) + 5381;
            var odd = even;
            for (var i = 0; i < text.Length; i += 2)
            {
                even = ((even << 5) + even) ^ text[i];
                if (i + 1 < text.Length)
                {
                    odd = ((odd << 5) + odd) ^ text[i + 1];
                }
            }

            return even + (odd * 1566083941);
        }
    }
}
