using System.Diagnostics;
using IcssiCms.Store.Importing;
using IcssiCms.Usync.Model;
using IcssiCms.Usync.Planning;
using Microsoft.Extensions.Logging;

namespace IcssiCms.Store.Planning;

public enum ApplyOutcome
{
    /// <summary>Every change of the plan was applied, in one transaction.</summary>
    Applied,

    /// <summary>The plan loses data and <c>--allow-destructive</c> was not given: nothing was written.</summary>
    DestructiveRefused,

    /// <summary>The folder's files are no longer those the plan was made from: nothing was written.</summary>
    FolderChanged,

    /// <summary>The store is no longer what the plan was made against: nothing was written.</summary>
    StaleTarget,

    /// <summary>The folder has problems: nothing was written.</summary>
    Invalid,
}

public sealed record ApplyResult(ApplyOutcome Outcome, IReadOnlyList<string> Reasons, IReadOnlyList<UsyncProblem> Problems, ImportCounts? Counts, TimeSpan Elapsed)
{
    public bool Succeeded => Outcome == ApplyOutcome.Applied;
}

/// <summary>
/// Applies a plan exactly: it plans again, and applies only if the folder's files, the store's schema hash and the
/// list of changes are what the plan says; then it writes the plan's files through the importer's one write path
/// (the one the host's startup import uses), in one transaction.
/// </summary>
public sealed class PlanApplier(UsyncPlanner planner, UsyncImporter importer, ILogger<PlanApplier> logger)
{
    public async Task<ApplyResult> ApplyAsync(UsyncPlan plan, bool allowDestructive, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        if (plan.IsDestructive && !allowDestructive)
        {
            var reasons = plan.Changes.Where(c => c.Destructive is not null)
                .Select(c => $"{c.ItemType} '{c.Alias}' ({c.File}): {c.Destructive!.Reason} ({c.Destructive.ContentItems} content items, {c.Destructive.Values} values)")
                .ToList();
            return new ApplyResult(ApplyOutcome.DestructiveRefused, reasons, [], null, clock.Elapsed);
        }

        var now = await planner.PlanAsync(plan.Folder, cancellationToken);
        if (now.Plan is not { } fresh)
        {
            return new ApplyResult(ApplyOutcome.Invalid, [], now.Problems, null, clock.Elapsed);
        }

        if (fresh.IsDestructive && !allowDestructive)
        {
            // The store may have gained the values a change would lose since the plan was made.
            var reasons = fresh.Changes.Where(c => c.Destructive is not null)
                .Select(c => $"{c.ItemType} '{c.Alias}' ({c.File}): {c.Destructive!.Reason} (now {c.Destructive.ContentItems} content items, {c.Destructive.Values} values)")
                .ToList();
            return new ApplyResult(ApplyOutcome.DestructiveRefused, reasons, [], null, clock.Elapsed);
        }

        var folderChanges = FileDifferences(plan.FileHashes, fresh.FileHashes);
        if (folderChanges.Count > 0)
        {
            return new ApplyResult(ApplyOutcome.FolderChanged, folderChanges, [], null, clock.Elapsed);
        }

        if (fresh.TargetSchemaHash != plan.TargetSchemaHash)
        {
            return new ApplyResult(ApplyOutcome.StaleTarget,
                [$"the store's schema hash is {fresh.TargetSchemaHash[..12]}…, the plan was made against {plan.TargetSchemaHash[..12]}…: plan again"], [], null, clock.Elapsed);
        }

        var planned = plan.Changes.Select(Identity).ToHashSet();
        var current = fresh.Changes.Select(Identity).ToHashSet();
        if (!planned.SetEquals(current))
        {
            var reasons = current.Except(planned).Select(c => $"not in the plan: {c}")
                .Concat(planned.Except(current).Select(c => $"no longer to do: {c}"))
                .ToList();
            return new ApplyResult(ApplyOutcome.StaleTarget, reasons, [], null, clock.Elapsed);
        }

        var files = plan.Changes.Where(c => c.Action != ChangeAction.Delete).Select(c => c.File).ToHashSet(StringComparer.Ordinal);
        var result = await importer.ImportFilesAsync(plan.Folder, files, cancellationToken);
        if (!result.Succeeded)
        {
            return new ApplyResult(ApplyOutcome.Invalid, [], result.Problems, null, clock.Elapsed);
        }

        logger.LogInformation("uSync plan applied: {Changes} changes ({Files} files) in {Elapsed} ms", plan.Changes.Count, files.Count, clock.ElapsedMilliseconds);
        return new ApplyResult(ApplyOutcome.Applied, [], [], result.Counts, clock.Elapsed);
    }

    private static string Identity(PlannedChange change) => $"{change.Action} {change.ItemType} {change.Key} '{change.Alias}'";

    private static List<string> FileDifferences(IReadOnlyDictionary<string, string> planned, IReadOnlyDictionary<string, string> now) =>
        planned.Keys.Union(now.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Where(path => planned.GetValueOrDefault(path) != now.GetValueOrDefault(path))
            .Select(path => !now.ContainsKey(path) ? $"{path}: removed since the plan" : !planned.ContainsKey(path) ? $"{path}: added since the plan" : $"{path}: changed since the plan")
            .ToList();
}
