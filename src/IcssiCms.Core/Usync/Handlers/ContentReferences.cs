using System.Text.RegularExpressions;

namespace IcssiCms.Core.Usync.Handlers;

/// <summary>The documents a stored value points at: every <c>umb://document/…</c> reference in it, wherever it is.</summary>
internal static partial class ContentReferences
{
    public static IEnumerable<Guid> KeysIn(string value) =>
        DocumentUdi().Matches(value).Select(m => Guid.ParseExact(m.Groups["key"].Value, "N"));

    [GeneratedRegex("umb://document/(?<key>[0-9a-fA-F]{32})")]
    private static partial Regex DocumentUdi();
}
