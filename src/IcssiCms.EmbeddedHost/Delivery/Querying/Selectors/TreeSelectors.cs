using IcssiCms.EmbeddedHost.Delivery.Indexing;
using IcssiCms.EmbeddedHost.Delivery.Snapshot;
using Umbraco.Cms.Core.DeliveryApi;

namespace IcssiCms.EmbeddedHost.Delivery.Querying.Selectors;

/// <summary>
/// <c>{axis}:{id or path}</c>: the item is named by its key or by its route in the request's culture. An item
/// that does not exist selects nothing, as in Umbraco.
/// </summary>
public abstract class TreeSelectorBase(string prefix, ContentSnapshotAccessor snapshots, IRequestCultureService cultures, RequestStartItem startItem) : ISelectorHandler
{
    public bool CanHandle(string query) => query.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);

    public SelectorOption BuildSelectorOption(string selector)
    {
        var snapshot = snapshots.Current;
        var target = selector[prefix.Length..].Trim();
        var item = Guid.TryParse(target, out var key)
            ? snapshot.Find(key)
            : snapshot.FindByRoute(cultures.GetRequestedCulture() ?? snapshot.DefaultCulture, target, startItem.In(snapshot));

        return Select(item);
    }

    /// <summary>What to select for the item (null when it does not exist).</summary>
    protected abstract SelectorOption Select(SnapshotItem? item);

    protected static string[] KeyOf(SnapshotItem? item) => [item?.Key.ToString("D") ?? Guid.Empty.ToString("D")];
}

/// <summary><c>children:/campaigns/</c>: the items right below.</summary>
public sealed class ChildrenSelector(ContentSnapshotAccessor snapshots, IRequestCultureService cultures, RequestStartItem startItem)
    : TreeSelectorBase("children:", snapshots, cultures, startItem)
{
    protected override SelectorOption Select(SnapshotItem? item) => new() { FieldName = ChildrenSelectorIndexer.FieldName, Values = KeyOf(item) };
}

/// <summary><c>descendants:/conferences/</c>: every item below, at any depth.</summary>
public sealed class DescendantsSelector(ContentSnapshotAccessor snapshots, IRequestCultureService cultures, RequestStartItem startItem)
    : TreeSelectorBase("descendants:", snapshots, cultures, startItem)
{
    protected override SelectorOption Select(SnapshotItem? item) => new() { FieldName = DescendantsSelectorIndexer.FieldName, Values = KeyOf(item) };
}

/// <summary><c>ancestors:/campaigns/save-the-tigris/</c>: the items above, up to the root.</summary>
public sealed class AncestorsSelector(ContentSnapshotAccessor snapshots, IRequestCultureService cultures, RequestStartItem startItem)
    : TreeSelectorBase("ancestors:", snapshots, cultures, startItem)
{
    protected override SelectorOption Select(SnapshotItem? item) => new()
    {
        FieldName = AncestorsSelectorIndexer.FieldName,
        Values = item is { AncestorKeys.Count: > 0 } ? item.AncestorKeys.Select(k => k.ToString("D")).ToArray() : KeyOf(null),
    };
}
