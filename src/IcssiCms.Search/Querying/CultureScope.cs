using IcssiCms.Search.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Search;

namespace IcssiCms.Search.Querying;

/// <summary>
/// The documents a query may see: those of its culture and the invariant ones. A query without a culture sees the
/// invariant documents only. Text is analyzed per culture, as it was indexed: an Arabic query reads Arabic
/// documents with the Arabic analyzer and invariant ones with the standard one.
/// </summary>
internal sealed class CultureScope
{
    private readonly CultureAnalyzers _analyzers;
    private readonly IReadOnlyList<string> _cultures;

    public CultureScope(string? culture, CultureAnalyzers analyzers)
    {
        _analyzers = analyzers;
        _cultures = new[] { SystemFields.CultureOf(culture), SystemFields.Invariant }.Distinct().ToList();
    }

    public Query Documents => AnyOf.Terms(SystemFields.Culture, _cultures);

    /// <summary>
    /// A text query built once per analyzer of the cultures in scope, each limited to its cultures' documents when
    /// they differ. A value the analyzer leaves no words of (only stop words) matches nothing.
    /// </summary>
    public Query Analyzed(Func<Analyzer, Query?> build)
    {
        var byAnalyzer = _cultures.GroupBy(_analyzers.For).ToList();
        if (byAnalyzer.Count == 1)
        {
            return build(byAnalyzer[0].Key) ?? AnyOf.None;
        }

        return AnyOf.Queries(byAnalyzer.Select(group => new BooleanQuery
        {
            { AnyOf.Terms(SystemFields.Culture, group), Occur.MUST },
            { build(group.Key) ?? AnyOf.None, Occur.MUST },
        }));
    }
}
