using IcssiCms.Search.Querying;
using Lucene.Net.Documents;
using Lucene.Net.Search;
using Umbraco.Cms.Core.DeliveryApi;
using UmbracoFieldType = Umbraco.Cms.Core.DeliveryApi.FieldType;

namespace IcssiCms.Search.Indexing;

/// <summary>
/// One kind of field (one <see cref="UmbracoFieldType"/>): how its values go into a document
/// and how it is matched and sorted. Each query method builds the query for one filter value.
/// </summary>
internal interface IIndexFieldType
{
    UmbracoFieldType Kind { get; }

    /// <summary>Adds the values of one field; a value this kind cannot hold is an <see cref="ArgumentException"/>.</summary>
    void AddTo(Document document, string fieldName, IReadOnlyList<object> values);

    Query Is(string fieldName, string value, CultureScope cultures);

    Query Contains(string fieldName, string value, CultureScope cultures);

    Query Range(string fieldName, string value, FilterOperation operation);

    SortField SortBy(string fieldName, bool descending);
}
