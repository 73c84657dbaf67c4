using System.Globalization;
using System.Text.RegularExpressions;
using Umbraco.Cms.Core.DeliveryApi;

namespace IcssiCms.Core.Delivery.Querying.Filters;

/// <summary>
/// Umbraco's date filter syntax, <c>{field}{operator}{date}</c>, with the operators <c>:</c> (is), <c>:!</c> (is not),
/// <c>&gt;</c>, <c>&gt;:</c> (at or after), <c>&lt;</c> and <c>&lt;:</c> (at or before).
/// </summary>
public abstract class DateFilterBase : IFilterHandler
{
    protected abstract string FieldName { get; }

    protected abstract Regex Syntax { get; }

    public bool CanHandle(string query) =>
        Syntax.Match(query) is { Success: true } match && DateTime.TryParse(match.Groups["value"].Value, CultureInfo.InvariantCulture, out _);

    public FilterOption BuildFilterOption(string filter)
    {
        var match = Syntax.Match(filter);
        return new FilterOption
        {
            FieldName = FieldName,
            Values = [match.Groups["value"].Value],
            Operator = match.Groups["operator"].Value switch
            {
                ":" => FilterOperation.Is,
                ":!" => FilterOperation.IsNot,
                ">" => FilterOperation.GreaterThan,
                ">:" => FilterOperation.GreaterThanOrEqual,
                "<" => FilterOperation.LessThan,
                _ => FilterOperation.LessThanOrEqual,
            },
        };
    }
}
