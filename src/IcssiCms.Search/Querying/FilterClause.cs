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
        return new BooleanClause(AnyOf.Queries(filter.Values.Select(match)), negated ? Occur.MUST_NOT : Occur.MUST);
    }
}
