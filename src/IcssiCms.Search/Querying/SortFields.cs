using Lucene.Net.Search;

namespace IcssiCms.Search.Querying;

/// <summary>Sorts by doc values, with the documents that have no value last, whichever the direction.</summary>
internal static class SortFields
{
    public static SortField Text(string sortFieldName, bool descending) =>
        Missing(new SortField(sortFieldName, SortFieldType.STRING, descending), descending ? SortField.STRING_FIRST : SortField.STRING_LAST);

    // Lucene.Net takes a numeric missing value only as J2N's boxed number, not as a boxed long or double.
    public static SortField Int64(string sortFieldName, bool descending) =>
        Missing(new SortField(sortFieldName, SortFieldType.INT64, descending), J2N.Numerics.Int64.GetInstance(descending ? long.MinValue : long.MaxValue));

    public static SortField Double(string sortFieldName, bool descending) =>
        Missing(new SortField(sortFieldName, SortFieldType.DOUBLE, descending), J2N.Numerics.Double.GetInstance(descending ? double.MinValue : double.MaxValue));

    private static SortField Missing(SortField sort, object missing)
    {
        sort.SetMissingValue(missing);
        return sort;
    }
}
