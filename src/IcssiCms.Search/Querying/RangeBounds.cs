using Umbraco.Cms.Core.DeliveryApi;

namespace IcssiCms.Search.Querying;

/// <summary>The bounds of a numeric range for a filter operator and one value; a missing bound is open.</summary>
internal readonly record struct RangeBounds<T>(T? Min, T? Max, bool MinInclusive, bool MaxInclusive)
    where T : struct
{
    public static RangeBounds<T> For(FilterOperation operation, T value) => operation switch
    {
        FilterOperation.Is => new(value, value, true, true),
        FilterOperation.LessThan => new(null, value, true, false),
        FilterOperation.LessThanOrEqual => new(null, value, true, true),
        FilterOperation.GreaterThan => new(value, null, false, true),
        FilterOperation.GreaterThanOrEqual => new(value, null, true, true),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Not a range operator."),
    };
}

internal static class RangeBounds
{
    public static ArgumentException Refused(string fieldName, FieldType kind, FilterOperation operation) =>
        new($"The field '{fieldName}' is a {kind} field; {operation} works on Number and Date fields only.", nameof(operation));
}
