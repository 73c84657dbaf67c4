using Umbraco.Cms.Core.DeliveryApi;

namespace IcssiCms.Core.Delivery.Indexing;

/// <summary>
/// A date that the Delivery API sorts by, with undated items last in either direction. Examine puts an item without
/// the field first when sorting ascending, so the ascending sort reads a second field in which every item that has no
/// date (of any content type) holds the latest date there is.
/// </summary>
public static class UndatedLastSortField
{
    public static string Ascending(string fieldName) => fieldName + "Ascending";

    public static IEnumerable<IndexFieldValue> Values(string fieldName, DateTime? utc) => utc is { } date
        ?
        [
            new IndexFieldValue { FieldName = fieldName, Values = [date] },
            new IndexFieldValue { FieldName = Ascending(fieldName), Values = [date] },
        ]
        : [new IndexFieldValue { FieldName = Ascending(fieldName), Values = [DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc)] }];

    public static IEnumerable<IndexField> Fields(string fieldName) =>
    [
        new IndexField { FieldName = fieldName, FieldType = FieldType.Date, VariesByCulture = false },
        new IndexField { FieldName = Ascending(fieldName), FieldType = FieldType.Date, VariesByCulture = false },
    ];
}
