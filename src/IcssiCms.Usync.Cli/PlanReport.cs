using IcssiCms.Usync.Planning;
using IcssiCms.Usync.Model;

namespace IcssiCms.Usync.Cli;

/// <summary>
/// A plan as people read it: one line per change (action, item type, alias, file), each changed setting old → new
/// below it, destructive changes flagged with what they cost, and a summary line.
/// </summary>
internal static class PlanReport
{
    private const string None = "(none)";

    public static void Write(CommandOutput output, UsyncPlan plan, bool withDetails = true)
    {
        foreach (var change in plan.Changes)
        {
            output.Line(Headline(change), ToneOf(change));
            if (withDetails)
            {
                foreach (var detail in change.Details)
                {
                    output.Line($"      {detail.Setting}: {Show(detail.Old)} → {Show(detail.New)}", Tone.Quiet);
                }
            }

            if (change.Destructive is { } cost)
            {
                output.Line($"      ! destructive: {cost.Reason} ({Count(cost.ContentItems, "content item")}, {Count(cost.Values, "value")})", Tone.Warning);
            }
        }
    }

    public static string Headline(PlannedChange change)
    {
        var symbol = change.Action switch
        {
            ChangeAction.Create => "+",
            ChangeAction.Update => "~",
            ChangeAction.Rename => ">",
            ChangeAction.Delete => "-",
            _ => "?",
        };
        var alias = change.OldAlias is { } old ? $"{old} → {change.Alias}" : change.Alias;
        return $"  {symbol} {Verb(change.Action),-6} {TypeName(change.ItemType)} {alias}  ({change.File})";
    }

    /// <summary>"Plan: 1 to create, 2 to update, 1 to delete; 1 destructive (3 content items, 12 values)."</summary>
    public static string Summary(UsyncPlan plan)
    {
        if (plan.IsEmpty)
        {
            return "No changes: the site already matches the folder.";
        }

        var counts = Enum.GetValues<ChangeAction>()
            .Select(a => (Action: a, Count: plan.Changes.Count(c => c.Action == a)))
            .Where(c => c.Count > 0)
            .Select(c => $"{c.Count} to {Verb(c.Action)}");
        var summary = $"Plan: {string.Join(", ", counts)}";
        var destructive = plan.Changes.Where(c => c.Destructive is not null).ToList();
        if (destructive.Count > 0)
        {
            summary += $"; {destructive.Count} destructive ({Count(destructive.Sum(c => c.Destructive!.ContentItems), "content item")}, " +
                       $"{Count(destructive.Sum(c => c.Destructive!.Values), "value")})";
        }

        return summary + ".";
    }

    public static string Verb(ChangeAction action) => action.ToString().ToLowerInvariant();

    /// <summary>The item type as uSync's folders name it (document type, not ContentType).</summary>
    public static string TypeName(UsyncItemType type) => type switch
    {
        UsyncItemType.Language => "language",
        UsyncItemType.Dictionary => "dictionary item",
        UsyncItemType.DataType => "data type",
        UsyncItemType.ContentType => "document type",
        UsyncItemType.Content => "content",
        UsyncItemType.Form => "form",
        _ => type.ToString(),
    };

    public static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static Tone ToneOf(PlannedChange change) => change.Action switch
    {
        ChangeAction.Create => Tone.Added,
        ChangeAction.Delete => Tone.Removed,
        _ => Tone.Changed,
    };

    /// <summary>A value on one line: line breaks shown as ⏎, nothing shown as (none).</summary>
    private static string Show(string? value) => value is null ? None : value.ReplaceLineEndings("⏎");
}
