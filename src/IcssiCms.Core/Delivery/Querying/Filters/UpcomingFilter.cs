using System.Globalization;
using IcssiCms.Core.Delivery.Indexing;
using Umbraco.Cms.Core.DeliveryApi;

namespace IcssiCms.Core.Delivery.Querying.Filters;

/// <summary>
/// <c>upcoming:true</c>: conferences and sessions that have not yet ended; <c>upcoming:false</c>: those that have.
/// </summary>
public sealed class UpcomingFilter(TimeProvider clock) : IFilterHandler
{
    private const string Prefix = "upcoming:";

    /// <summary>Only <c>upcoming:true</c> and <c>upcoming:false</c>: anything else is no filter the API knows (400).</summary>
    public bool CanHandle(string query) =>
        query.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && bool.TryParse(query[Prefix.Length..], out _);

    public FilterOption BuildFilterOption(string filter)
    {
        var upcoming = bool.Parse(filter[Prefix.Length..]);

        return new FilterOption
        {
            FieldName = EventDateIndexer.EndFieldName,
            Values = [clock.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture)],
            Operator = upcoming ? FilterOperation.GreaterThanOrEqual : FilterOperation.LessThan,
        };
    }
}
