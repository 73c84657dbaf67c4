using Umbraco.Cms.Core.Models;

namespace IcssiCms.Usync.Model;

/// <summary>Where an item or value was read: the file relative to the uSync folder, and the 1-based line.</summary>
public sealed record SourceLocation(string File, int Line)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}" : File;
}

/// <summary>A <c>&lt;Language&gt;</c> file. uSync matches languages by ISO code; their keys are made up.</summary>
public sealed record UsyncLanguage(
    string IsoCode,
    string Name,
    bool IsDefault,
    bool IsMandatory,
    string? Fallback,
    SourceLocation Source);

/// <summary>A <c>&lt;DataType&gt;</c> file. Data types have no alias of their own: the name is the alias.</summary>
public sealed record UsyncDataType(
    Guid Key,
    string Name,
    int Level,
    string EditorAlias,
    string EditorUiAlias,
    string ConfigJson,
    string? Folder,
    SourceLocation Source);

/// <summary>A reference by key to another item, with the alias text uSync writes beside it.</summary>
public sealed record UsyncReference(Guid Key, string Alias, int SortOrder, int Line);

public sealed record UsyncTab(Guid Key, string Alias, string Caption, string Type, int SortOrder, int Line);

public sealed record UsyncPropertyType(
    Guid Key,
    string Alias,
    string Name,
    Guid DataTypeKey,
    string EditorAlias,
    bool Mandatory,
    string? Validation,
    string? Description,
    int SortOrder,
    string TabAlias,
    string TabCaption,
    ContentVariation Variations,
    string? MandatoryMessage,
    string? ValidationMessage,
    bool LabelOnTop,
    int Line);

/// <summary>A <c>&lt;ContentType&gt;</c> (document type) file.</summary>
public sealed record UsyncContentType(
    Guid Key,
    string Alias,
    int Level,
    string Name,
    string Icon,
    string Description,
    bool AllowAtRoot,
    ContentVariation Variations,
    bool IsElement,
    string? Folder,
    IReadOnlyList<UsyncReference> Compositions,
    IReadOnlyList<UsyncReference> AllowedChildren,
    IReadOnlyList<UsyncPropertyType> Properties,
    IReadOnlyList<UsyncTab> Tabs,
    SourceLocation Source)
{
    public bool VariesByCulture => Variations.HasFlag(ContentVariation.Culture);
}

/// <summary>One stored value of a content property: culture and segment are null when invariant.</summary>
public sealed record UsyncPropertyValue(string Alias, string? Culture, string? Segment, string Value, int Line);

/// <summary>A <c>&lt;Content&gt;</c> file: one node of the content tree.</summary>
public sealed record UsyncContent(
    Guid Key,
    string Name,
    int Level,
    Guid ParentKey,
    string Path,
    bool Trashed,
    string ContentTypeAlias,
    DateTime CreateDate,
    int SortOrder,
    IReadOnlyDictionary<string, string> CultureNames,
    bool PublishedDefault,
    IReadOnlyDictionary<string, bool> PublishedCultures,
    IReadOnlyList<UsyncPropertyValue> Properties,
    SourceLocation Source)
{
    public bool IsRoot => ParentKey == Guid.Empty;

    /// <summary>The node's name in a culture; the default name (the file's alias) where the culture has none.</summary>
    public string NameIn(string? culture) =>
        culture is not null && CultureNames.TryGetValue(culture, out var name) ? name : Name;

    public bool IsPublishedIn(string? culture) =>
        culture is not null && PublishedCultures.TryGetValue(culture, out var published) ? published : PublishedDefault;
}

/// <summary>An <c>&lt;Empty Change="Delete"&gt;</c> marker: the item with this key (or alias) is deleted on import.</summary>
public sealed record UsyncDelete(UsyncItemType ItemType, Guid Key, string Alias, SourceLocation Source);
