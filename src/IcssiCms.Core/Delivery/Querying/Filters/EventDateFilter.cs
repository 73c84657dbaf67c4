using System.Globalization;
using System.Text.RegularExpressions;
using IcssiCms.Core.Delivery.Indexing;
using Umbraco.Cms.Core.DeliveryApi;

namespace IcssiCms.Core.Delivery.Querying.Filters;

/// <summary>
/// <c>eventDate&gt;2014-10-28</c>, <c>eventDate&lt;:2014-10-31</c> and so on: events by when they start, with the
/// operators of Umbraco's own date filters (<c>:</c>, <c>:!</c>, <c>&gt;</c>, <c>&gt;:</c>, <c>&lt;</c>, <c>&lt;:</c>).
/// </summary>
public sealed partial class EventDateFilter : IFilterHandler
{
    /// <summary>Only Umbraco's operators followed by a date: anything else is no filter the API knows (400).</summary>
    public bool CanHandle(string query) =>
        Syntax().Match(query) is { Success: true } match && DateTime.TryParse(match.Groups["value"].Value, CultureInfo.InvariantCulture, out _);

    public FilterOption BuildFilterOption(string filter)
    {
        var match = Syntax().Match(filter);
        var operation = match.Groups["operator"].Value switch
        {
            ":" => FilterOperation.Is,
            ":!" => FilterOperation.IsNot,
            ">" => FilterOperation.GreaterThan,
            ">:" => FilterOperation.GreaterThanOrEqual,
            "<" => FilterOperation.LessThan,
            _ => FilterOperation.LessThanOrEqual,
        };

        return new FilterOption { FieldName = EventDateIndexer.LocalStartFieldName, Values = [match.Groups["value"].Value], Operator = operation };
    }

    [GeneratedRegex("^eventDate(?<operator>:!|>:|<:|:|>|<)(?<value>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Syntax();
}
