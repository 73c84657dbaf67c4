using System.Text;
using IcssiCms.Search.Querying;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Umbraco.Cms.Core.DeliveryApi;
using UmbracoFieldType = Umbraco.Cms.Core.DeliveryApi.FieldType;

namespace IcssiCms.Search.Indexing;

/// <summary>
/// A string kept whole, as one term per value (not tokenized), after <see cref="Normalise"/>; the first value is
/// also kept as doc values to sort by.
/// </summary>
internal abstract class KeywordStringType : IIndexFieldType
{
    // Lucene refuses a longer term; failing here names the field, and fails before anything is written.
    private const int MaxTermBytes = 32766;

    public abstract UmbracoFieldType Kind { get; }

    public void AddTo(Document document, string fieldName, IReadOnlyList<object> values)
    {
        string? first = null;
        foreach (var value in values)
        {
            var term = Normalise(ValueText.Of(value));
            if (Encoding.UTF8.GetByteCount(term) > MaxTermBytes)
            {
                throw new ArgumentException($"A value of the field '{fieldName}' is longer than {MaxTermBytes} bytes, more than a {Kind} field holds.", nameof(values));
            }

            document.Add(new StringField(fieldName, term, Field.Store.NO));
            first ??= term;
        }

        if (first is not null)
        {
            document.Add(new SortedDocValuesField(SystemFields.SortFieldOf(fieldName), new BytesRef(ValueText.SortKeyOf(first))));
        }
    }

    public Query Is(string fieldName, string value, CultureScope cultures) => new TermQuery(new Term(fieldName, Normalise(value)));

    /// <summary>The value anywhere inside a whole value (a wildcard match, after the same normalisation).</summary>
    public Query Contains(string fieldName, string value, CultureScope cultures) =>
        new WildcardQuery(new Term(fieldName, $"*{EscapeWildcards(Normalise(value))}*"));

    public Query Range(string fieldName, string value, FilterOperation operation) => throw RangeBounds.Refused(fieldName, Kind, operation);

    public SortField SortBy(string fieldName, bool descending) => SortFields.Text(SystemFields.SortFieldOf(fieldName), descending);

    protected abstract string Normalise(string value);

    private static string EscapeWildcards(string value) =>
        value.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("*", @"\*", StringComparison.Ordinal).Replace("?", @"\?", StringComparison.Ordinal);
}
