namespace IcssiCms.Store.Storage;

public sealed class StoredLanguage
{
    public required string IsoCode { get; set; }

    public required string Name { get; set; }

    public bool IsDefault { get; set; }

    public bool IsMandatory { get; set; }

    public string? Fallback { get; set; }
}

public sealed class StoredDataType
{
    public Guid Key { get; set; }

    public required string Name { get; set; }

    public int Level { get; set; }

    public required string EditorAlias { get; set; }

    public required string EditorUiAlias { get; set; }

    public required string ConfigJson { get; set; }

    public string? Folder { get; set; }
}

public sealed class StoredContentType
{
    public Guid Key { get; set; }

    public required string Alias { get; set; }

    public required string Name { get; set; }

    public int Level { get; set; }

    public string Icon { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    public bool AllowAtRoot { get; set; }

    /// <summary>Umbraco's <c>ContentVariation</c> flags.</summary>
    public int Variations { get; set; }

    public bool IsElement { get; set; }

    public string? Folder { get; set; }

    public List<StoredReference> Compositions { get; set; } = [];

    public List<StoredReference> AllowedChildren { get; set; } = [];

    public List<StoredPropertyType> Properties { get; set; } = [];

    public List<StoredTab> Tabs { get; set; } = [];
}

public sealed class StoredReference
{
    public Guid Key { get; set; }

    public required string Alias { get; set; }

    public int SortOrder { get; set; }
}

public sealed class StoredTab
{
    public Guid Key { get; set; }

    public required string Alias { get; set; }

    public required string Caption { get; set; }

    public required string Type { get; set; }

    public int SortOrder { get; set; }
}

public sealed class StoredPropertyType
{
    public Guid Key { get; set; }

    public required string Alias { get; set; }

    public required string Name { get; set; }

    public Guid DataTypeKey { get; set; }

    public required string EditorAlias { get; set; }

    public bool Mandatory { get; set; }

    public string? MandatoryMessage { get; set; }

    public string? Validation { get; set; }

    public string? ValidationMessage { get; set; }

    public string? Description { get; set; }

    public int SortOrder { get; set; }

    public required string TabAlias { get; set; }

    public int Variations { get; set; }

    public bool LabelOnTop { get; set; }
}
