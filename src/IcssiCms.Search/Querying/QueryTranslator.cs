using IcssiCms.Search.Indexing;
using Lucene.Net.Search;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.DeliveryApi;

namespace IcssiCms.Search.Querying;

/// <summary>A <see cref="ContentIndexQuery"/> as a Lucene query and sort; unknown fields fail here, before searching.</summary>
internal sealed class QueryTranslator(IndexSchema schema, CultureAnalyzers analyzers)
{
    public Query QueryOf(ContentIndexQuery query)
    {
        var cultures = new CultureScope(query.Culture, analyzers);
        var all = new BooleanQuery { { cultures.Documents, Occur.MUST } };
        if (query.Selector is { } selector)
        {
            var type = schema.TypeOf(selector.FieldName);
            all.Add(AnyOf.Queries(selector.Values.Select(value => type.Is(selector.FieldName, value, cultures))), Occur.MUST);
        }

        foreach (var filter in query.Filters)
        {
            all.Add(FilterClause.For(filter, schema, cultures));
        }

        return all;
    }

    /// <summary>The sorts in order, then the key so that ties come back the same way each time; no sort is relevance.</summary>
    public Sort SortOf(IReadOnlyList<SortOption> sorts)
    {
        var byKey = new SortField(SystemFields.Key, SortFieldType.STRING);
        if (sorts.Count == 0)
        {
            return new Sort(SortField.FIELD_SCORE, byKey);
        }

        return new Sort(sorts
            .Select(sort => schema.TypeOf(sort.FieldName).SortBy(sort.FieldName, sort.Direction == Direction.Descending))
            .Append(byKey)
            .ToArray());
    }
}
