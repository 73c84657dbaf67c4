using System.Diagnostics;
using IcssiCms.Core.Usync.Importing;
using IcssiCms.Usync;
using IcssiCms.Usync.Model;
using IcssiCms.Usync.Planning;
using IcssiCms.Usync.Transfer;
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

    /// <summary>The folder came in part, and the site lacks some of the other files as the plan lists them: send them.</summary>
    FilesMissing,
}

/// <summary>What applying a plan did, or why it did nothing.</summary>
public sealed record ApplyResult(ApplyOutcome Outcome, IReadOnlyList<string> Reasons, IReadOnlyList<UsyncProblem> Problems, UsyncImportResult? Import, TimeSpan Elapsed)
{
    /// <summary>For <see cref="ApplyOutcome.FilesMissing"/>, the files to send.</summary>
    public IReadOnlyList<string> Missing { get; init; } = [];
}

/// <summary>
/// Applies a plan exactly, or nothing. The folder must be the one planned (every file's hash), valid, and the plan
/// destructive only if that is allowed. The folder comes whole, or in part: the files of the plan's changes, with the
/// site's own copies of the rest (found by the hashes the plan lists, <see cref="SiteFolderImage"/>). Then, inside the
/// import's scope and under its write locks (so that nothing can change in between), the site is read again: its schema,
/// and every item the plan touches, must be as they were when the plan was made, down to any setting or value
/// (<see cref="UsyncDiff.Drift"/>); every delete marker that would delete something must be one of the plan's changes;
/// and no change may have become destructive since. Only then are the plan's files imported, through the import's one
/// write path.
/// </summary>
public sealed class SitePlanApplier(SitePlanner planner, SiteFolderImage image, SiteDataCosts costs, UsyncImporter importer, ILogger<SitePlanApplier> logger)
{
    /// <param name="partial">The folder holds only some of the plan's files; the site has the rest as the plan lists them.</param>
    public async Task<ApplyResult> ApplyAsync(UsyncPlan plan, string folder, bool partial, bool allowDestructive, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        if (plan.IsDestructive && !allowDestructive)
        {
            var reasons = plan.Changes.Where(c => c.Destructive is not null)
                .Select(c => $"{c}: {c.Destructive!.Reason} ({c.Destructive.ContentItems} content items, {c.Destructive.Values} values)")
                .ToList();
            return new ApplyResult(ApplyOutcome.DestructiveRefused, reasons, [], null, clock.Elapsed);
        }

        if (partial)
        {
            var sentChanged = plan.FolderChangesSince(UsyncFolderReader.HashFiles(folder), onlyThese: true);
            if (sentChanged.Count > 0)
            {
                return new ApplyResult(ApplyOutcome.FolderChanged, sentChanged, [], null, clock.Elapsed);
            }
        }

        var site = partial ? await image.ReadAsync(cancellationToken) : null;
        var (read, missing) = SitePlanner.ReadFolder(partial ? new UsyncManifest(plan.FileHashes) : null, folder, site);
        if (read is null)
        {
            return new ApplyResult(ApplyOutcome.FilesMissing, [], [], null, clock.Elapsed) { Missing = missing };
        }

        if (read.Problems.Count > 0)
        {
            return new ApplyResult(ApplyOutcome.Invalid, [], read.Problems, null, clock.Elapsed);
        }

        var folderChanges = plan.FolderChangesSince(read.Set.Files.ToDictionary(f => f.Path, f => f.Hash, StringComparer.Ordinal));
        if (folderChanges.Count > 0)
        {
            return new ApplyResult(ApplyOutcome.FolderChanged, folderChanges, [], null, clock.Elapsed);
        }

        var files = plan.Changes.Where(c => c.Action != ChangeAction.Delete).Select(c => c.File).ToHashSet(StringComparer.Ordinal);
        var result = await importer.ImportPlannedAsync(read.Set, files, async token =>
        {
            var now = await planner.ReadPlannedAsync(plan, read.Set, token);
            var reasons = UsyncDiff.Drift(plan, now).ToList();

            // The import applies every delete marker: each that would delete something must be planned.
            var plannedDeletes = plan.Changes.Where(c => c.Action == ChangeAction.Delete).Select(Identity).ToHashSet(StringComparer.Ordinal);
            reasons.AddRange(UsyncDiff.Between(read.Set, now, only: new HashSet<string>()).Select(Identity)
                .Where(c => !plannedDeletes.Contains(c)).Order(StringComparer.Ordinal).Select(c => $"not in the plan: {c}"));
            if (reasons.Count == 0 && !allowDestructive)
            {
                // The site may have gained the values a change would lose since the plan was made.
                reasons.AddRange(plan.Changes
                    .Select(c => (Change: c, Cost: costs.Of(c, read.Set, now)))
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
}
