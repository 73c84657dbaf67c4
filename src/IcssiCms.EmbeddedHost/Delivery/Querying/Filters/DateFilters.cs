using System.Text.RegularExpressions;
using IcssiCms.Core.Delivery.Querying.Filters;

namespace IcssiCms.EmbeddedHost.Delivery.Querying.Filters;

/// <summary><c>createDate&gt;2024-01-01</c> and the other date operators.</summary>
public sealed partial class CreateDateFilter : DateFilterBase
{
    protected override string FieldName => Indexing.CreateDateSortIndexer.FieldName;

    protected override Regex Syntax => CreateDate();

    [GeneratedRegex("^createDate(?<operator>:!|>:|<:|:|>|<)(?<value>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex CreateDate();
}

/// <summary><c>updateDate&lt;:2024-12-31</c> and the other date operators.</summary>
public sealed partial class UpdateDateFilter : DateFilterBase
{
    protected override string FieldName => Indexing.UpdateDateSortIndexer.FieldName;

    protected override Regex Syntax => UpdateDate();

    [GeneratedRegex("^updateDate(?<operator>:!|>:|<:|:|>|<)(?<value>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex UpdateDate();
}
