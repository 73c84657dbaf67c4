using IcssiCms.Usync.Model;
using Umbraco.Cms.Core.Models;

namespace IcssiCms.EmbeddedHost.Delivery.Snapshot;

/// <summary>One published culture of an item: its name and route (<c>/campaigns/save-the-tigris/</c>).</summary>
public sealed record PublishedCulture(string Culture, string Name, string Route);

/// <summary>An item as the Delivery API serves it: where it sits, its published cultures and its values.</summary>
public sealed record SnapshotItem(
    UsyncContent Node,
    IReadOnlyList<Guid> AncestorKeys,
    DateTime UpdateDate,
    IReadOnlyDictionary<string, PublishedCulture> Cultures)
{
    public Guid Key => Node.Key;

    public Guid? ParentKey => Node.IsRoot ? null : Node.ParentKey;

    public string ContentTypeAlias => Node.ContentTypeAlias;
}

/// <summary>
/// The published hub in memory: every published item by key and by route, the document types as Umbraco's
/// models and the data types the values render with. Immutable; the host swaps in a new one after each change.
/// </summary>
public sealed class ContentSnapshot(
    IReadOnlyDictionary<Guid, SnapshotItem> items,
    IReadOnlyDictionary<string, ContentType> contentTypes,
    IReadOnlyDictionary<Guid, UsyncDataType> dataTypes,
    string defaultCulture,
    IReadOnlyList<string> cultures)
{
    private readonly Dictionary<(string Culture, string Route), Guid> _byRoute = items.Values
        .SelectMany(i => i.Cultures.Values.Select(c => (Key: (c.Culture.ToLowerInvariant(), c.Route), i.Key)))
        .GroupBy(x => x.Key)
        .ToDictionary(g => g.Key, g => g.First().Item2);

    private readonly ILookup<Guid?, SnapshotItem> _children = items.Values.ToLookup(i => i.ParentKey);

    public static ContentSnapshot Empty { get; } = new(new Dictionary<Guid, SnapshotItem>(), new Dictionary<string, ContentType>(), new Dictionary<Guid, UsyncDataType>(), string.Empty, []);

    public IReadOnlyDictionary<Guid, SnapshotItem> Items => items;

    public IReadOnlyDictionary<string, ContentType> ContentTypes => contentTypes;

    public IReadOnlyDictionary<Guid, UsyncDataType> DataTypes => dataTypes;

    public string DefaultCulture => defaultCulture;

    public IReadOnlyList<string> Cultures => cultures;

    public SnapshotItem? Find(Guid key) => items.GetValueOrDefault(key);

    /// <summary>The item at a route in a culture: <c>/campaigns/save-the-tigris/</c> (slashes optional).</summary>
    public SnapshotItem? FindByRoute(string culture, string route)
    {
        var path = "/" + route.Trim('/');
        path = path == "/" ? path : path + "/";
        return _byRoute.TryGetValue((culture.ToLowerInvariant(), path), out var key) ? items[key] : null;
    }

    public IEnumerable<SnapshotItem> ChildrenOf(Guid? key) => _children[key];

    /// <summary>The top-most ancestor (the start item), or the item itself at the root.</summary>
    public SnapshotItem RootOf(SnapshotItem item) => item.AncestorKeys.Count > 0 ? items.GetValueOrDefault(item.AncestorKeys[0]) ?? item : item;

    /// <summary>A document type's data type for a property, including properties from compositions.</summary>
    public UsyncDataType? DataTypeOf(string contentTypeAlias, string propertyAlias) =>
        contentTypes.TryGetValue(contentTypeAlias, out var type)
        && type.CompositionPropertyTypes.FirstOrDefault(p => p.Alias == propertyAlias) is { } property
            ? dataTypes.GetValueOrDefault(property.DataTypeKey)
            : null;
}
