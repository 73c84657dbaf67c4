using System.Globalization;

namespace IcssiCms.Search.Indexing;

/// <summary>A handler's value as text, culture-independent (a Guid, a number, a string).</summary>
internal static class ValueText
{
    public static string Of(object value) => value switch
    {
        string text => text,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>
    /// The start of a text, for sorting: doc values hold at most 32766 bytes, and nothing past the first few
    /// hundred characters changes an order anyone would look at.
    /// </summary>
    public static string SortKeyOf(string text) => text.Length <= 256 ? text : text[..256];
}
