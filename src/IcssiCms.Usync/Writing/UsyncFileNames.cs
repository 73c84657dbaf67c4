using IcssiCms.Usync.Mapping;
using Umbraco.Cms.Core.Strings;

namespace IcssiCms.Usync.Writing;

/// <summary>
/// The file names uSync 17 gives items with its default settings (flat folders, no GUID names): a "safe file name"
/// (lower-case, words joined by '-', dots kept) of the alias or name for most items, a "safe alias" (case kept,
/// punctuation and spaces removed) of the name for data types; <c>web.config</c>/<c>app.config</c> wrapped in
/// <c>__</c>; and on a clash within a folder, <c>_</c> and the first 8 characters of the key in base 32.
/// </summary>
public static class UsyncFileNames
{
    public const string Extension = ".config";

    private static readonly string[] BadNames = ["app", "web"];

    private static readonly char[] Base32 = "abcdefghijklmnopqrstuvwxyz012345".ToCharArray();

    /// <summary>Umbraco's safe file name of a text (<c>Workers' Rights</c> → <c>workers-rights</c>, <c>Forms.SignUp</c> → <c>forms.signup</c>).</summary>
    public static string SafeFileName(string text) => UmbracoStrings.ShortStringHelper.CleanStringForSafeFileName(text);

    /// <summary>
    /// A safe file name with every dot kept, for dictionary keys: each dot-separated part made safe on its own
    /// (<c>Forms.Attend.SocialEvent</c> → <c>forms.attend.socialevent</c>).
    /// </summary>
    public static string SafeFileNameKeepingDots(string text) =>
        string.Join('.', text.Split('.').Select(part => part.Length == 0 ? part : SafeFileName(part)));

    /// <summary>
    /// Umbraco's alias cleaning with the case left as it is: letters and digits of each word, joined with nothing
    /// (<c>[Dropdown] Campaign Status</c> → <c>DropdownCampaignStatus</c>, <c>Richtext editor</c> → <c>Richtexteditor</c>).
    /// </summary>
    public static string SafeAlias(string text) =>
        UmbracoStrings.ShortStringHelper.CleanString(text, CleanStringType.Alias | CleanStringType.Unchanged);

    /// <summary>A base name made safe for build tools: <c>web</c> becomes <c>__web__</c>.</summary>
    public static string AppSafe(string baseName) =>
        BadNames.Contains(baseName, StringComparer.OrdinalIgnoreCase) ? $"__{baseName}__" : baseName;

    /// <summary>
    /// The short form of a key that uSync appends after '_' when two items would share a file name: the key's bytes
    /// in base 32, five bits a character. As in uSync (and the Umbraco code it took this from), the fourth character of
    /// each 40-bit block ORs the low bit of the second byte into the high nibble of the third, instead of shifting it.
    /// </summary>
    public static string ShortKey(Guid key, int length = 8)
    {
        length = length is <= 0 or > 26 ? 26 : length;
        var bytes = key.ToByteArray();
        var chars = new List<int>(26);
        for (var i = 0; i < 15; i += 5)
        {
            int b0 = bytes[i], b1 = bytes[i + 1], b2 = bytes[i + 2], b3 = bytes[i + 3], b4 = bytes[i + 4];
            chars.Add((b0 & 0b1111_1000) >> 3);
            chars.Add(((b0 & 0b0000_0111) << 2) | ((b1 & 0b1100_0000) >> 6));
            chars.Add((b1 & 0b0011_1110) >> 1);
            chars.Add((b1 & 0b0000_0001) | ((b2 & 0b1111_0000) >> 4));
            chars.Add(((b2 & 0b0000_1111) << 1) | ((b3 & 0b1000_0000) >> 7));
            chars.Add((b3 & 0b0111_1100) >> 2);
            chars.Add(((b3 & 0b0000_0011) << 3) | ((b4 & 0b1110_0000) >> 5));
            chars.Add(b4 & 0b0001_1111);
        }

        chars.Add((bytes[15] & 0b1111_1000) >> 3);
        chars.Add((bytes[15] & 0b0000_0111) << 2);
        return new string(chars.Take(length).Select(c => Base32[c]).ToArray());
    }
}
