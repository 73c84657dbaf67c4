using System.Text.RegularExpressions;

namespace IcssiCms.EmbeddedHost.Delivery;

/// <summary>
/// The content items a stored value refers to: every <c>umb://document/…</c> reference in it, as pickers store them
/// (comma-separated) and rich text's local links do. One pass over the text, whatever number of keys is looked for.
/// </summary>
public static partial class DocumentReferences
{
    public static IEnumerable<Guid> KeysIn(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            yield break;
        }

        foreach (Match match in Reference().Matches(value))
        {
            yield return Guid.ParseExact(match.Groups[1].ValueSpan, "N");
        }
    }

    [GeneratedRegex("umb://document/([0-9a-fA-F]{32})", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
