using IcssiCms.Usync.Mapping;
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
    private readonly Dictionary<(Guid Root, string Culture, string Route), Guid> _byRoute = items.Values
        .SelectMany(i => i.Cultures.Values.Select(c => (Key: (RootKeyOf(i), c.Culture.ToLowerInvariant(), c.Route), i.Key)))
        .GroupBy(x => x.Key)
        .ToDictionary(g => g.Key, g => g.First().Item2);

    private readonly IReadOnlyList<SnapshotItem> _roots = items.Values.Where(i => i.ParentKey is null).OrderBy(i => i.Node.SortOrder).ToList();

    private readonly ILookup<Guid?, SnapshotItem> _children = items.Values.ToLookup(i => i.ParentKey);

    public static ContentSnapshot Empty { get; } = new(new Dictionary<Guid, SnapshotItem>(), new Dictionary<string, ContentType>(), new Dictionary<Guid, UsyncDataType>(), string.Empty, []);

    public IReadOnlyDictionary<Guid, SnapshotItem> Items => items;

    public IReadOnlyDictionary<string, ContentType> ContentTypes => contentTypes;

    public IReadOnlyDictionary<Guid, UsyncDataType> DataTypes => dataTypes;

    public string DefaultCulture => defaultCulture;

    public IReadOnlyList<string> Cultures => cultures;

    public SnapshotItem? Find(Guid key) => items.GetValueOrDefault(key);

    /// <summary>
    /// The item at a route in a culture (<c>/campaigns/save-the-tigris/</c>, slashes optional), below the given start
    /// item (a root), or below the first root when none is given.
    /// </summary>
    public SnapshotItem? FindByRoute(string culture, string route, Guid? startItem = null)
    {
        var root = startItem ?? _roots.FirstOrDefault()?.Key;
        var path = "/" + route.Trim('/');
        path = path == "/" ? path : path + "/";
        return root is { } key && _byRoute.TryGetValue((key, culture.ToLowerInvariant(), path), out var found) ? items[found] : null;
    }

    /// <summary>A root named as the <c>Start-Item</c> header names it: by key, or by its URL segment in any culture.</summary>
    public SnapshotItem? FindRoot(string startItem) =>
        Guid.TryParse(startItem, out var key)
            ? _roots.FirstOrDefault(r => r.Key == key)
            : _roots.FirstOrDefault(r => r.Cultures.Values.Any(c =>
                string.Equals(UmbracoStrings.UrlSegment(c.Name, c.Culture.Length == 0 ? null : c.Culture), startItem, StringComparison.OrdinalIgnoreCase)));

    private static Guid RootKeyOf(SnapshotItem item) => item.AncestorKeys.Count > 0 ? item.AncestorKeys[0] : item.Key;

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
