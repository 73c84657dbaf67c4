using System.Text.RegularExpressions;
using IcssiCms.Core.Delivery.Indexing;

namespace IcssiCms.Core.Delivery.Querying.Filters;

/// <summary>
/// <c>eventDate&gt;2014-10-28</c>, <c>eventDate&lt;:2014-10-31</c> and so on: events by the day they start, in their own
/// time, with the operators of Umbraco's own date filters.
/// </summary>
public sealed partial class EventDateFilter : DateFilterBase
{
    protected override string FieldName => EventDateIndexer.LocalStartFieldName;

    protected override Regex Syntax => EventDate();

    [GeneratedRegex("^eventDate(?<operator>:!|>:|<:|:|>|<)(?<value>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex EventDate();
}
