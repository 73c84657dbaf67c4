using IcssiCms.EmbeddedHost.Delivery.Indexing;
using Umbraco.Cms.Core.DeliveryApi;

namespace IcssiCms.EmbeddedHost.Delivery.Querying.Filters;

/// <summary><c>contentType:campaign</c>, <c>contentType:campaign,conference</c> (either), <c>contentType:!campaign</c> (not).</summary>
public sealed class ContentTypeFilter : IFilterHandler
{
    private const string Prefix = "contentType:";

    public bool CanHandle(string query) => query.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    public FilterOption BuildFilterOption(string filter)
    {
        var value = filter[Prefix.Length..];
        var negate = value.StartsWith('!');
        return new FilterOption
        {
            FieldName = ContentTypeFilterIndexer.FieldName,
            Values = (negate ? value[1..] : value).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Operator = negate ? FilterOperation.IsNot : FilterOperation.Is,
        };
    }
}
