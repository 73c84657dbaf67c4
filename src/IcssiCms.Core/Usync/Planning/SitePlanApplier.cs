using System.Diagnostics;
using IcssiCms.Core.Usync.Importing;
using IcssiCms.Usync.Model;
using IcssiCms.Usync.Planning;
using IcssiCms.Usync.Validation;
using Microsoft.Extensions.Logging;

namespace IcssiCms.Core.Usync.Planning;

public enum ApplyOutcome
{
    /// <summary>Every change of the plan was applied, in one scope.</summary>
    Applied,

    /// <summary>The plan loses data and destructive changes were not allowed: nothing was written.</summary>
    DestructiveRefused,

    /// <summary>The folder's files are no longer those the plan was made from: nothing was written.</summary>
    FolderChanged,

    /// <summary>Something the plan touches changed on the site since the plan was made: nothing was written.</summary>
    SiteChanged,

    /// <summary>The folder has problems, or Umbraco refused an item: nothing was written.</summary>
    Invalid,
}

/// <summary>What applying a plan did, or why it did nothing.</summary>
public sealed record ApplyResult(ApplyOutcome Outcome, IReadOnlyList<string> Reasons, IReadOnlyList<UsyncProblem> Problems, UsyncImportResult? Import, TimeSpan Elapsed);

/// <summary>
/// Applies a plan exactly, or nothing. The folder must be the one planned (every file's hash), valid, and the plan
/// destructive only if that is allowed. Then, inside the import's scope and under its write locks (so that nothing can
/// change in between), the site is read again: its schema, and every item the plan touches, must be as they were when
/// the plan was made, down to any setting or value (<see cref="UsyncDiff.Drift"/>), comparing the folder with the site
/// now must give exactly the plan's changes, and no change may have become destructive since. Only then are the plan's files imported, through the import's one write path.
/// </summary>
public sealed class SitePlanApplier(SitePlanner planner, SiteDataCosts costs, UsyncImporter importer, ILogger<SitePlanApplier> logger)
{
    public async Task<ApplyResult> ApplyAsync(UsyncPlan plan, string folder, bool allowDestructive, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        if (plan.IsDestructive && !allowDestructive)
        {
            var reasons = plan.Changes.Where(c => c.Destructive is not null)
                .Select(c => $"{c}: {c.Destructive!.Reason} ({c.Destructive.ContentItems} content items, {c.Destructive.Values} values)")
                .ToList();
            return new ApplyResult(ApplyOutcome.DestructiveRefused, reasons, [], null, clock.Elapsed);
        }

        var read = UsyncFolderCheck.Read(folder);
        if (read.Problems.Count > 0)
        {
            return new ApplyResult(ApplyOutcome.Invalid, [], read.Problems, null, clock.Elapsed);
        }

        var folderChanges = FileDifferences(plan.FileHashes, read.Set.Files.ToDictionary(f => f.Path, f => f.Hash, StringComparer.Ordinal));
        if (folderChanges.Count > 0)
        {
            return new ApplyResult(ApplyOutcome.FolderChanged, folderChanges, [], null, clock.Elapsed);
        }

        var files = plan.Changes.Where(c => c.Action != ChangeAction.Delete).Select(c => c.File).ToHashSet(StringComparer.Ordinal);
        var result = await importer.ImportPlannedAsync(read.Set, files, async token =>
        {
            var site = await planner.ReadSiteAsync(token);
            var reasons = UsyncDiff.Drift(plan, site).ToList();

            // The import writes what differs (and applies every delete marker): exactly the plan's changes, or nothing.
            var planned = plan.Changes.Select(Identity).ToHashSet(StringComparer.Ordinal);
            var now = UsyncDiff.Between(read.Set, site).Select(Identity).ToHashSet(StringComparer.Ordinal);
            reasons.AddRange(now.Except(planned).Order(StringComparer.Ordinal).Select(c => $"not in the plan: {c}"));
            reasons.AddRange(planned.Except(now).Order(StringComparer.Ordinal).Select(c => $"no longer to do: {c}"));
            if (reasons.Count == 0 && !allowDestructive)
            {
                // The site may have gained the values a change would lose since the plan was made.
                reasons.AddRange(plan.Changes
                    .Select(c => (Change: c, Cost: costs.Of(c, read.Set, site)))
                    .Where(c => c.Cost is not null)
                    .Select(c => $"{c.Change}: now destructive: {c.Cost!.Reason} ({c.Cost.ContentItems} content items, {c.Cost.Values} values)"));
            }

            return reasons;
        }, cancellationToken);

        switch (result.Outcome)
        {
            case UsyncImportOutcome.Stale:
                return new ApplyResult(ApplyOutcome.SiteChanged, result.Reasons, [], result, clock.Elapsed);
            case UsyncImportOutcome.Failed or UsyncImportOutcome.Refused:
                return new ApplyResult(ApplyOutcome.Invalid, [], result.Problems, result, clock.Elapsed);
        }

        logger.LogInformation("uSync plan applied: {Changes} changes ({Files} files) in {Elapsed} ms", plan.Changes.Count, files.Count, clock.ElapsedMilliseconds);
        return new ApplyResult(ApplyOutcome.Applied, [], [], result, clock.Elapsed);
    }

    private static string Identity(PlannedChange change) => $"{change} [{change.Key}]";

    private static List<string> FileDifferences(IReadOnlyDictionary<string, string> planned, IReadOnlyDictionary<string, string> now) =>
        planned.Keys.Union(now.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Where(path => planned.GetValueOrDefault(path) != now.GetValueOrDefault(path))
            .Select(path => !now.ContainsKey(path) ? $"{path}: removed since the plan" : !planned.ContainsKey(path) ? $"{path}: added since the plan" : $"{path}: changed since the plan")
            .ToList();
}
