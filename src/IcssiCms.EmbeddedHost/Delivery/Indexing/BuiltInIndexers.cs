using IcssiCms.EmbeddedHost.Delivery.Snapshot;
using Umbraco.Cms.Core.DeliveryApi;
using Umbraco.Cms.Core.Models;

namespace IcssiCms.EmbeddedHost.Delivery.Indexing;

// The index fields of Umbraco's built-in Delivery API filters, sorts and selectors, with Umbraco's field names,
// as IContentIndexHandlers: the embedded host fills its index exactly as DeliveryApiContentIndex is filled.

/// <summary><c>contentType</c>: the document type alias, for <c>contentType:</c>.</summary>
public sealed class ContentTypeFilterIndexer : IContentIndexHandler
{
    public const string FieldName = "contentType";

    public IEnumerable<IndexFieldValue> GetFieldValues(IContent content, string? culture) =>
        [new IndexFieldValue { FieldName = FieldName, Values = [content.ContentType.Alias] }];

    public IEnumerable<IndexField> GetFields() => [new IndexField { FieldName = FieldName, FieldType = FieldType.StringRaw, VariesByCulture = false }];
}

/// <summary><c>name</c>: the name in the culture, for <c>name:</c> and the <c>name</c> sort.</summary>
public sealed class NameSortIndexer : IContentIndexHandler
{
    public const string FieldName = "name";

    public IEnumerable<IndexFieldValue> GetFieldValues(IContent content, string? culture) =>
        [new IndexFieldValue { FieldName = FieldName, Values = [(culture is null ? content.Name : content.GetCultureName(culture)) ?? content.Name ?? string.Empty] }];

    public IEnumerable<IndexField> GetFields() => [new IndexField { FieldName = FieldName, FieldType = FieldType.StringSortable, VariesByCulture = true }];
}

/// <summary><c>createDate</c>, for <c>createDate</c> filters and sort.</summary>
public sealed class CreateDateSortIndexer : IContentIndexHandler
{
    public const string FieldName = "createDate";

    public IEnumerable<IndexFieldValue> GetFieldValues(IContent content, string? culture) =>
        [new IndexFieldValue { FieldName = FieldName, Values = [content.CreateDate] }];

    public IEnumerable<IndexField> GetFields() => [new IndexField { FieldName = FieldName, FieldType = FieldType.Date, VariesByCulture = false }];
}

/// <summary><c>updateDate</c>, for <c>updateDate</c> filters and sort.</summary>
public sealed class UpdateDateSortIndexer : IContentIndexHandler
{
    public const string FieldName = "updateDate";

    public IEnumerable<IndexFieldValue> GetFieldValues(IContent content, string? culture) =>
        [new IndexFieldValue { FieldName = FieldName, Values = [content.UpdateDate] }];

    public IEnumerable<IndexField> GetFields() => [new IndexField { FieldName = FieldName, FieldType = FieldType.Date, VariesByCulture = false }];
}

/// <summary><c>level</c>: depth in the tree, for the <c>level</c> sort.</summary>
public sealed class LevelSortIndexer : IContentIndexHandler
{
    public const string FieldName = "level";

    public IEnumerable<IndexFieldValue> GetFieldValues(IContent content, string? culture) =>
        [new IndexFieldValue { FieldName = FieldName, Values = [content.Level] }];

    public IEnumerable<IndexField> GetFields() => [new IndexField { FieldName = FieldName, FieldType = FieldType.Number, VariesByCulture = false }];
}

/// <summary><c>sortOrder</c>: place among siblings, for the <c>sortOrder</c> sort.</summary>
public sealed class SortOrderSortIndexer : IContentIndexHandler
{
    public const string FieldName = "sortOrder";

    public IEnumerable<IndexFieldValue> GetFieldValues(IContent content, string? culture) =>
        [new IndexFieldValue { FieldName = FieldName, Values = [content.SortOrder] }];

    public IEnumerable<IndexField> GetFields() => [new IndexField { FieldName = FieldName, FieldType = FieldType.Number, VariesByCulture = false }];
}

/// <summary><c>id</c>: the item's own key, for <c>ancestors:</c> (which selects the ancestors' keys).</summary>
public sealed class AncestorsSelectorIndexer : IContentIndexHandler
{
    public const string FieldName = "id";

    public IEnumerable<IndexFieldValue> GetFieldValues(IContent content, string? culture) =>
        [new IndexFieldValue { FieldName = FieldName, Values = [content.Key.ToString("D")] }];

    public IEnumerable<IndexField> GetFields() => [new IndexField { FieldName = FieldName, FieldType = FieldType.StringRaw, VariesByCulture = false }];
}

/// <summary><c>parentId</c>: the parent's key, for <c>children:</c>.</summary>
public sealed class ChildrenSelectorIndexer(ContentSnapshotAccessor snapshots) : IContentIndexHandler
{
    public const string FieldName = "parentId";

    public IEnumerable<IndexFieldValue> GetFieldValues(IContent content, string? culture) =>
        snapshots.Current.Find(content.Key)?.ParentKey is { } parent
            ? [new IndexFieldValue { FieldName = FieldName, Values = [parent.ToString("D")] }]
            : [];

    public IEnumerable<IndexField> GetFields() => [new IndexField { FieldName = FieldName, FieldType = FieldType.StringRaw, VariesByCulture = false }];
}

/// <summary><c>ancestorIds</c>: every ancestor's key, for <c>descendants:</c>.</summary>
public sealed class DescendantsSelectorIndexer(ContentSnapshotAccessor snapshots) : IContentIndexHandler
{
    public const string FieldName = "ancestorIds";

    public IEnumerable<IndexFieldValue> GetFieldValues(IContent content, string? culture) =>
        snapshots.Current.Find(content.Key) is { AncestorKeys.Count: > 0 } item
            ? [new IndexFieldValue { FieldName = FieldName, Values = item.AncestorKeys.Select(k => (object)k.ToString("D")).ToArray() }]
            : [];

    public IEnumerable<IndexField> GetFields() => [new IndexField { FieldName = FieldName, FieldType = FieldType.StringRaw, VariesByCulture = false }];
}
