using System.Globalization;
using IcssiCms.Search.Querying;
using Lucene.Net.Documents;
using Lucene.Net.Search;
using Umbraco.Cms.Core.DeliveryApi;
using UmbracoFieldType = Umbraco.Cms.Core.DeliveryApi.FieldType;

namespace IcssiCms.Search.Indexing;

/// <summary>
/// <c>Number</c>: every number as a double (trie-encoded for range queries), because <see cref="IndexField"/> does
/// not say whether a field holds whole numbers. Whole numbers stay exact up to 2^53.
/// </summary>
internal sealed class NumberType : IIndexFieldType
{
    public UmbracoFieldType Kind => UmbracoFieldType.Number;

    public void AddTo(Document document, string fieldName, IReadOnlyList<object> values)
    {
        var numbers = values.Select(value => NumberOf(fieldName, value)).ToList();
        foreach (var number in numbers)
        {
            document.Add(new DoubleField(fieldName, number, Field.Store.NO));
        }

        if (numbers.Count > 0)
        {
            document.Add(new DoubleDocValuesField(SystemFields.SortFieldOf(fieldName), numbers[0]));
        }
    }

    public Query Is(string fieldName, string value, CultureScope cultures) => Range(fieldName, value, FilterOperation.Is);

    public Query Contains(string fieldName, string value, CultureScope cultures) =>
        throw new ArgumentException($"The field '{fieldName}' is a {Kind} field; Contains works on string fields only.", nameof(fieldName));

    public Query Range(string fieldName, string value, FilterOperation operation)
    {
        var bounds = RangeBounds<double>.For(operation, NumberOf(fieldName, value));
        return NumericRangeQuery.NewDoubleRange(fieldName, bounds.Min, bounds.Max, bounds.MinInclusive, bounds.MaxInclusive);
    }

    public SortField SortBy(string fieldName, bool descending) =>
        SortFields.Double(SystemFields.SortFieldOf(fieldName), descending);

    private static double NumberOf(string fieldName, object value) => value switch
    {
        double or float or decimal or long or int or short or sbyte or ulong or uint or ushort or byte =>
            Convert.ToDouble(value, CultureInfo.InvariantCulture),
        string text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
        _ => throw new ArgumentException($"'{value}' is not a number, which the field '{fieldName}' needs.", nameof(value)),
    };
}
