namespace IcssiCms.Store.Storage;

/// <summary>An Umbraco Forms form as imported from uSync. <see cref="Definition"/> is the form as JSON.</summary>
public sealed class StoredForm
{
    public Guid Key { get; set; }

    public required string Alias { get; set; }

    public required string Name { get; set; }

    public required string Definition { get; set; }
}

/// <summary>A dictionary item: a key and its translation per language (JSON object, ISO code → text).</summary>
public sealed class StoredDictionaryItem
{
    public Guid Key { get; set; }

    public required string ItemKey { get; set; }

    public string? ParentItemKey { get; set; }

    public int Level { get; set; }

    public required string Translations { get; set; }
}
