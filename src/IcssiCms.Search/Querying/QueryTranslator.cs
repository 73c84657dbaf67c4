using System.Collections.Concurrent;
using IcssiCms.Search.Indexing;
using Lucene.Net.Search;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.DeliveryApi;

namespace IcssiCms.Search.Querying;

/// <summary>A <see cref="ContentIndexQuery"/> as a Lucene query and sort; unknown fields fail here, before searching.</summary>
internal sealed class QueryTranslator(IndexSchema schema, CultureAnalyzers analyzers)
{
    private readonly ConcurrentDictionary<string, Filter> _cultureFilters = new(StringComparer.Ordinal);

    /// <summary>
    /// The documents of the query's culture (and the invariant ones), as a filter whose bits Lucene caches per segment:
    /// every query is limited to them, and scoring them again on each query would cost more than the query itself.
    /// </summary>
    public Filter CultureOf(ContentIndexQuery query) =>
        _cultureFilters.GetOrAdd(SystemFields.CultureOf(query.Culture), _ =>
            new CachingWrapperFilter(new QueryWrapperFilter(new CultureScope(query.Culture, analyzers).Documents)));

    public Query QueryOf(ContentIndexQuery query)
    {
        var cultures = new CultureScope(query.Culture, analyzers);
        var all = new BooleanQuery();
        if (query.Selector is { } selector)
        {
            var type = schema.TypeOf(selector.FieldName);
            all.Add(new ConstantScoreQuery(AnyOf.Queries(selector.Values.Select(value => type.Is(selector.FieldName, value, cultures)))), Occur.MUST);
        }

        foreach (var filter in query.Filters)
        {
            all.Add(FilterClause.For(filter, schema, cultures));
        }

        // A query of exclusions alone matches nothing in Lucene: exclude from everything (of the culture) instead.
        if (all.Clauses.All(clause => clause.Occur == Occur.MUST_NOT))
        {
            all.Add(new MatchAllDocsQuery(), Occur.MUST);
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
