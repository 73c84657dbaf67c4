using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace IcssiCms.Usync.Writing;

/// <summary>
/// How uSync 17 puts an item on disk: UTF-8 with a BOM, <c>&lt;?xml version="1.0" encoding="utf-8"?&gt;</c>,
/// two-space indentation, no newline after the root's end tag. Lines end with <c>\n</c>, as the hub's own files do;
/// text and CDATA are written exactly as they are (line breaks inside values are never rewritten).
/// </summary>
public static class UsyncXml
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>Booleans as uSync writes most of them (<c>true</c>/<c>false</c>).</summary>
    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>Booleans as uSync writes <c>AllowAtRoot</c> and <c>PreventCleanup</c> (.NET's <c>True</c>/<c>False</c>).</summary>
    public static string PascalBool(bool value) => value ? "True" : "False";

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A key as uSync writes it: lower-case, with dashes.</summary>
    public static string Key(Guid key) => key.ToString("D");

    /// <summary>An element with text; empty text still gives <c>&lt;Name&gt;&lt;/Name&gt;</c>, as uSync writes an empty string.</summary>
    public static XElement Text(string name, string? value) => new(name, value ?? string.Empty);

    /// <summary>An element whose text is one CDATA section (<c>&lt;![CDATA[]]&gt;</c> when empty).</summary>
    public static XElement CData(string name, string? value, params XAttribute?[] attributes) =>
        new(name, attributes, new XCData(value ?? string.Empty));

    /// <summary>The file's bytes: declaration, the root element, indented.</summary>
    public static byte[] ToBytes(XElement root)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = Utf8WithBom,
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.None,
            OmitXmlDeclaration = false,
        };

        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(writer);
        }

        return stream.ToArray();
    }

    /// <summary>
    /// The order uSync's lists come out in (it sorts with the culture's comparer on an en-US server): letters
    /// without regard to case first, then ordinal, so that the order is the same on every machine.
    /// </summary>
    public static StringComparer Order { get; } = new CaseInsensitiveThenOrdinal();

    private sealed class CaseInsensitiveThenOrdinal : StringComparer
    {
        public override int Compare(string? x, string? y)
        {
            var result = StringComparer.OrdinalIgnoreCase.Compare(x, y);
            return result != 0 ? result : StringComparer.Ordinal.Compare(x, y);
        }

        public override bool Equals(string? x, string? y) => StringComparer.Ordinal.Equals(x, y);

        public override int GetHashCode(string obj) => StringComparer.Ordinal.GetHashCode(obj);
    }
}
