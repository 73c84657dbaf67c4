using IcssiCms.Search.Indexing;
using Lucene.Net.Search;
using Umbraco.Cms.Core.DeliveryApi;

namespace IcssiCms.Search.Querying;

/// <summary>One filter as a clause: any of its values must match, or, negated, none of them may.</summary>
internal static class FilterClause
{
    public static BooleanClause For(FilterOption filter, IndexSchema schema, CultureScope cultures)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var type = schema.TypeOf(filter.FieldName);
        Func<string, Query> match = filter.Operator switch
        {
            FilterOperation.Is or FilterOperation.IsNot => value => type.Is(filter.FieldName, value, cultures),
            FilterOperation.Contains or FilterOperation.DoesNotContain => value => type.Contains(filter.FieldName, value, cultures),
            _ => value => type.Range(filter.FieldName, value, filter.Operator),
        };

        var negated = filter.Operator is FilterOperation.IsNot or FilterOperation.DoesNotContain;
        var query = AnyOf.Queries(filter.Values.Select(match));

        // Only free text ranks results; exact and range filters just select, and scoring each match would cost more.
        var ranks = filter.Operator is FilterOperation.Contains && type is AnalyzedStringType;
        return new BooleanClause(ranks || negated ? query : new ConstantScoreQuery(query), negated ? Occur.MUST_NOT : Occur.MUST);
    }
}
