using IcssiCms.EmbeddedHost.Delivery.Indexing;
using Umbraco.Cms.Core.DeliveryApi;

namespace IcssiCms.EmbeddedHost.Delivery.Querying.Filters;

/// <summary><c>name:Save the Tigris</c> (the name in the request's culture, ignoring case) or <c>name:!…</c>.</summary>
public sealed class NameFilter : IFilterHandler
{
    private const string Prefix = "name:";

    public bool CanHandle(string query) => query.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    public FilterOption BuildFilterOption(string filter)
    {
        var value = filter[Prefix.Length..];
        var negate = value.StartsWith('!');
        return new FilterOption
        {
            FieldName = NameSortIndexer.FieldName,
            Values = [negate ? value[1..] : value],
            Operator = negate ? FilterOperation.IsNot : FilterOperation.Is,
        };
    }
}
