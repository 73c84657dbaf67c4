namespace IcssiCms.Store.Storage;

/// <summary>A node of the content tree. Names, routes and publish state live per culture in <see cref="ContentCulture"/>.</summary>
public sealed class ContentNode
{
    public Guid Key { get; set; }

    /// <summary>Null at the root.</summary>
    public Guid? ParentKey { get; set; }

    public required string ContentTypeAlias { get; set; }

    /// <summary>The name in the default language (uSync's alias for the node).</summary>
    public required string Name { get; set; }

    public int Level { get; set; }

    public int SortOrder { get; set; }

    /// <summary>The keys of the ancestors and the node, comma-separated, root first: finds descendants with a prefix.</summary>
    public required string Path { get; set; }

    public bool Trashed { get; set; }

    public DateTime CreateDate { get; set; }

    public DateTime UpdateDate { get; set; }

    public List<ContentCulture> Cultures { get; set; } = [];

    public List<PropertyValue> Values { get; set; } = [];
}

/// <summary>
/// A node in one culture. Invariant nodes have one row with the empty culture. <see cref="Route"/> is the
/// node's path in that culture (<c>/campaigns/save-the-tigris/</c>), null while the culture is unpublished.
/// </summary>
public sealed class ContentCulture
{
    public Guid NodeKey { get; set; }

    public required string Culture { get; set; }

    public required string Name { get; set; }

    public required string UrlSegment { get; set; }

    public bool Published { get; set; }

    public string? Route { get; set; }
}

/// <summary>
/// One stored value of a property: empty culture and segment when invariant. <see cref="Value"/> is the draft
/// an editor sees; <see cref="PublishedValue"/> is what visitors get (null while unpublished).
/// </summary>
public sealed class PropertyValue
{
    public Guid NodeKey { get; set; }

    public required string Alias { get; set; }

    public required string Culture { get; set; }

    public required string Segment { get; set; }

    public string? Value { get; set; }

    public string? PublishedValue { get; set; }
}

/// <summary>One uSync file as last imported: what change detection compares against.</summary>
public sealed class SyncFile
{
    public required string Path { get; set; }

    public required string ItemType { get; set; }

    public required string Hash { get; set; }
}

/// <summary>A key-value pair of store state, as Umbraco's <c>umbracoKeyValue</c> (for example, whether first boot ran).</summary>
public sealed class KeyValue
{
    public required string Key { get; set; }

    public string? Value { get; set; }

    public DateTime Updated { get; set; }
}
