using IcssiCms.Usync.Model;

namespace IcssiCms.Usync;

/// <summary>One uSync handler: the folder it owns, the root element of its files, and its group.</summary>
public sealed record UsyncHandler(string Alias, UsyncItemType ItemType, string Folder, string ElementName, string Group)
{
    /// <summary>uSync runs handlers in ascending priority: languages, dictionary, data types, document types, content, then forms.</summary>
    public int Priority => (int)ItemType;
}

/// <summary>The handlers this importer knows, as uSync 17 names and orders them.</summary>
public static class UsyncHandlers
{
    public const string SettingsGroup = "Settings";
    public const string ContentGroup = "Content";

    /// <summary>uSync.Forms' group: its handlers run after every core handler.</summary>
    public const string FormsGroup = "Forms";

    public static UsyncHandler Languages { get; } = new("LanguageHandler", UsyncItemType.Language, "Languages", "Language", SettingsGroup);
    public static UsyncHandler Dictionary { get; } = new("DictionaryHandler", UsyncItemType.Dictionary, "Dictionary", "Dictionary", ContentGroup);
    public static UsyncHandler DataTypes { get; } = new("DataTypeHandler", UsyncItemType.DataType, "DataTypes", "DataType", SettingsGroup);
    public static UsyncHandler ContentTypes { get; } = new("ContentTypeHandler", UsyncItemType.ContentType, "ContentTypes", "ContentType", SettingsGroup);
    public static UsyncHandler Content { get; } = new("ContentHandler", UsyncItemType.Content, "Content", "Content", ContentGroup);
    public static UsyncHandler Forms { get; } = new("FormsHandler", UsyncItemType.Form, "Forms", "forms-form", FormsGroup);

    public static IReadOnlyList<UsyncHandler> All { get; } = [Languages, Dictionary, DataTypes, ContentTypes, Content, Forms];

    /// <summary>
    /// The handlers in a group setting such as "All", "Settings", "Forms" or "Settings,Content"; as uSync does, a
    /// group matches when the setting contains its name, and "All" or blank means every handler.
    /// </summary>
    public static IReadOnlyList<UsyncHandler> InGroups(string? groups)
    {
        if (string.IsNullOrWhiteSpace(groups) || groups.Contains("All", StringComparison.OrdinalIgnoreCase))
        {
            return All;
        }

        return All.Where(h => groups.Contains(h.Group, StringComparison.OrdinalIgnoreCase)).ToList();
    }

    /// <summary>True when a group setting turns the import off, as uSync's "None", "off", "false" or blank do.</summary>
    public static bool IsOff(string? groups) =>
        string.IsNullOrWhiteSpace(groups)
        || groups.Trim().ToLowerInvariant() is "none" or "off" or "false";
}
