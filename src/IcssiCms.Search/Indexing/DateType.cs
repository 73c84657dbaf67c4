using System.Globalization;
using IcssiCms.Search.Querying;
using Lucene.Net.Documents;
using Lucene.Net.Search;
using Umbraco.Cms.Core.DeliveryApi;
using UmbracoFieldType = Umbraco.Cms.Core.DeliveryApi.FieldType;

namespace IcssiCms.Search.Indexing;

/// <summary>
/// <c>Date</c>: UTC ticks, trie-encoded for range queries. A <see cref="DateTime"/> of unspecified kind is taken as
/// UTC, as Umbraco 17 stores dates; text, in a filter or a document, is read as an ISO date with the invariant
/// culture ("2014-10-28", "2014-10-28T12:00:00Z") and taken as UTC unless it has an offset. <c>Is</c> matches the
/// exact instant, so "2014-10-28" is midnight.
/// </summary>
internal sealed class DateType : IIndexFieldType
{
    public UmbracoFieldType Kind => UmbracoFieldType.Date;

    public void AddTo(Document document, string fieldName, IReadOnlyList<object> values)
    {
        var ticks = values.Select(value => TicksOf(fieldName, value)).ToList();
        foreach (var instant in ticks)
        {
            document.Add(new Int64Field(fieldName, instant, Field.Store.NO));
        }

        if (ticks.Count > 0)
        {
            document.Add(new NumericDocValuesField(SystemFields.SortFieldOf(fieldName), ticks[0]));
        }
    }

    public Query Is(string fieldName, string value, CultureScope cultures) => Range(fieldName, value, FilterOperation.Is);

    public Query Contains(string fieldName, string value, CultureScope cultures) =>
        throw new ArgumentException($"The field '{fieldName}' is a {Kind} field; Contains works on string fields only.", nameof(fieldName));

    public Query Range(string fieldName, string value, FilterOperation operation)
    {
        var bounds = RangeBounds<long>.For(operation, TicksOf(fieldName, value));
        return NumericRangeQuery.NewInt64Range(fieldName, bounds.Min, bounds.Max, bounds.MinInclusive, bounds.MaxInclusive);
    }

    public SortField SortBy(string fieldName, bool descending) =>
        SortFields.Int64(SystemFields.SortFieldOf(fieldName), descending);

    private static long TicksOf(string fieldName, object value) => value switch
    {
        DateTime { Kind: DateTimeKind.Local } local => local.ToUniversalTime().Ticks,
        DateTime utcOrUnspecified => utcOrUnspecified.Ticks,
        DateTimeOffset offset => offset.UtcTicks,
        DateOnly day => day.ToDateTime(TimeOnly.MinValue).Ticks,
        string text when DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed) =>
            parsed.Ticks,
        _ => throw new ArgumentException($"'{value}' is not a date, which the field '{fieldName}' needs.", nameof(value)),
    };
}
