using IcssiCms.Search.Querying;
using Lucene.Net.Documents;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Umbraco.Cms.Core.DeliveryApi;
using UmbracoFieldType = Umbraco.Cms.Core.DeliveryApi.FieldType;

namespace IcssiCms.Search.Indexing;

/// <summary>
/// <c>StringAnalyzed</c>: full text, split into words by the analyzer of the document's culture (the index writer
/// is handed it per document), and sorted by a lower-cased copy of the first value.
/// </summary>
internal sealed class AnalyzedStringType : IIndexFieldType
{
    public UmbracoFieldType Kind => UmbracoFieldType.StringAnalyzed;

    public void AddTo(Document document, string fieldName, IReadOnlyList<object> values)
    {
        string? first = null;
        foreach (var value in values)
        {
            var text = ValueText.Of(value);
            document.Add(new TextField(fieldName, text, Field.Store.NO));
            first ??= text;
        }

        if (first is not null)
        {
            document.Add(new SortedDocValuesField(SystemFields.SortFieldOf(fieldName), new BytesRef(ValueText.SortKeyOf(first.ToLowerInvariant()))));
        }
    }

    /// <summary>The words of the value, in a row, anywhere in the text.</summary>
    public Query Is(string fieldName, string value, CultureScope cultures) =>
        cultures.Analyzed(analyzer => new QueryBuilder(analyzer).CreatePhraseQuery(fieldName, value));

    /// <summary>Every word of the value, anywhere in the text, in any order.</summary>
    public Query Contains(string fieldName, string value, CultureScope cultures) =>
        cultures.Analyzed(analyzer => new QueryBuilder(analyzer).CreateBooleanQuery(fieldName, value, Occur.MUST));

    public Query Range(string fieldName, string value, FilterOperation operation) => throw RangeBounds.Refused(fieldName, Kind, operation);

    public SortField SortBy(string fieldName, bool descending) => SortFields.Text(SystemFields.SortFieldOf(fieldName), descending);
}
