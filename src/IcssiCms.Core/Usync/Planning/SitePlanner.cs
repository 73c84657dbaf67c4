using System.Diagnostics;
using IcssiCms.Core.Usync.Exporting;
using IcssiCms.Core.Usync.Handlers;
using IcssiCms.Usync;
using IcssiCms.Usync.Model;
using IcssiCms.Usync.Planning;
using IcssiCms.Usync.Transfer;
using IcssiCms.Usync.Validation;
using IcssiCms.Usync.Writing;
using Microsoft.Extensions.Logging;
using Umbraco.Cms.Infrastructure.Scoping;

namespace IcssiCms.Core.Usync.Planning;

/// <summary>A plan; or the folder's problems, each with its file and line; or the files the site needs sent to plan.</summary>
public sealed record PlanResult(UsyncPlan? Plan, IReadOnlyList<UsyncProblem> Problems, IReadOnlyList<string> Missing);

/// <summary>
/// Works out what importing a folder would change in this Umbraco site, without writing anything: the folder is read and
/// checked as an import reads it, the site's items are read back as an export reads them, and the two are compared item
/// by item (<see cref="UsyncDiff"/>); a change that would lose stored data is flagged with what it would cost
/// (<see cref="SiteDataCosts"/>). The folder may come whole, or as a manifest of every file's hash with only the files
/// the site does not already hold byte for byte (<see cref="SiteFolderImage"/>): then only those are compared, with
/// the content below any of them (its files name their parents and paths), and the plan is the same.
/// </summary>
public sealed class SitePlanner(
    SiteFolderImage image, UsyncExporter exporter, SiteDataCosts costs, IEnumerable<IUsyncItemHandler> handlers, IScopeProvider scopes, TimeProvider clock, ILogger<SitePlanner> logger)
{
    private readonly ContentHandler _contentHandler = handlers.OfType<ContentHandler>().Single();

    /// <param name="manifest">Every file of the folder with its hash, when <paramref name="folder"/> holds only some of them; null when it is whole.</param>
    /// <param name="folder">The folder as uploaded (a temporary copy).</param>
    /// <param name="target">What the plan names as its target: the site's address.</param>
    public async Task<PlanResult> PlanAsync(UsyncManifest? manifest, string folder, string target, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var site = await image.ReadAsync(cancellationToken);
        var reading = stopwatch.Elapsed;
        var (read, missing) = ReadFolder(manifest, folder, site);
        logger.LogDebug("uSync plan: the site read in {Site} ms, the folder read and checked in {Folder} ms",
            (int)reading.TotalMilliseconds, (int)(stopwatch.Elapsed - reading).TotalMilliseconds);
        if (read is null)
        {
            return new PlanResult(null, [], missing);
        }

        if (read.Problems.Count > 0)
        {
            return new PlanResult(null, read.Problems, []);
        }

        using var scope = scopes.CreateScope(autoComplete: true);
        var changes = new List<PlannedChange>();
        foreach (var change in UsyncDiff.Between(read.Set, site.Set, manifest is null ? null : SentAndBelow(read.Set, folder)))
        {
            changes.Add(change with { Destructive = costs.Of(change, read.Set, site.Set) });
        }

        var plan = new UsyncPlan(
            UsyncPlan.CurrentFormat,
            folder,
            target,
            UsyncDiff.SchemaHash(site.Set),
            read.Set.Files.ToDictionary(f => f.Path, f => f.Hash, StringComparer.Ordinal),
            clock.GetUtcNow().UtcDateTime,
            changes);
        logger.LogDebug("uSync plan: {Changes} changes in {Elapsed} ms", changes.Count, stopwatch.ElapsedMilliseconds);
        return new PlanResult(plan, [], []);
    }

    /// <summary>
    /// The folder read and checked: whole from <paramref name="folder"/>, or put together from the files sent there and
    /// the site's own copies of the rest (<see cref="PartialFolder"/>); null with the files to send when the site lacks some.
    /// </summary>
    public static (UsyncReadResult? Read, IReadOnlyList<string> Missing) ReadFolder(UsyncManifest? manifest, string folder, SiteFolder? site)
    {
        if (manifest is null)
        {
            return (UsyncFolderCheck.Read(folder), []);
        }

        var composed = PartialFolder.Compose(manifest, new UsyncFolderReader().ReadFiles(folder), hash => site?.Held(hash));
        return composed.Problem is { } problem
            ? (new UsyncReadResult(UsyncSet.Empty, [new UsyncProblem(new SourceLocation(UsyncFolderReader.MarkerFile, 0), problem)]), [])
            : (composed.Read, composed.Missing);
    }

    /// <summary>
    /// The site's schema as it is now, and the content a plan's changes and delete markers name, with the items above
    /// each: what checking a plan against the site needs, read afresh (inside the apply's scope, under its locks).
    /// </summary>
    public async Task<UsyncSet> ReadPlannedAsync(UsyncPlan plan, UsyncSet folder, CancellationToken cancellationToken)
    {
        var schema = await exporter.ReadAsync(UsyncWriteOptions.Schema.Handlers, cancellationToken);
        var keys = plan.Changes.Where(c => c.ItemType == UsyncItemType.Content).Select(c => c.Key)
            .Concat(folder.Deletes.Where(d => d.ItemType == UsyncItemType.Content).Select(d => d.Key));
        return schema with { Content = _contentHandler.ExportWithAncestors(keys) };
    }

    /// <summary>The files sent, and the content files below any content sent (their parent and path come from it).</summary>
    private static HashSet<string> SentAndBelow(UsyncSet set, string folder)
    {
        var sent = UsyncFolderReader.ListFiles(folder, UsyncHandlers.All).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var byKey = set.Content.GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.First());
        var sentContent = set.Content.Where(c => sent.Contains(c.Source.File)).Select(c => c.Key).ToHashSet();
        foreach (var item in set.Content)
        {
            var seen = new HashSet<Guid>();
            for (var parent = item.ParentKey; parent != Guid.Empty && seen.Add(parent) && byKey.TryGetValue(parent, out var above); parent = above.ParentKey)
            {
                if (sentContent.Contains(parent))
                {
                    sent.Add(item.Source.File);
                    break;
                }
            }
        }

        return sent;
    }
}
