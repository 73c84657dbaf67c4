using Lucene.Net.Index;
using Lucene.Net.Search;

namespace IcssiCms.Search.Querying;

/// <summary>Matches a document that any of several queries match; of none, nothing.</summary>
internal static class AnyOf
{
    /// <summary>A query with no clauses, which matches nothing.</summary>
    public static Query None => new BooleanQuery();

    public static Query Queries(IEnumerable<Query> queries)
    {
        var all = queries.ToList();
        if (all.Count == 1)
        {
            return all[0];
        }

        var any = new BooleanQuery();
        foreach (var query in all)
        {
            any.Add(query, Occur.SHOULD);
        }

        return any;
    }

    public static Query Terms(string fieldName, IEnumerable<string> values) =>
        Queries(values.Select(value => new TermQuery(new Term(fieldName, value))));
}
