using IcssiCms.Core.Usync.Exporting;
using IcssiCms.Usync;
using IcssiCms.Usync.Model;
using IcssiCms.Usync.Planning;
using IcssiCms.Usync.Validation;
using Umbraco.Cms.Infrastructure.Scoping;

namespace IcssiCms.Core.Usync.Planning;

/// <summary>A plan, or why there is none: the folder's problems, each with its file and line.</summary>
public sealed record PlanResult(UsyncPlan? Plan, IReadOnlyList<UsyncProblem> Problems);

/// <summary>
/// Works out what importing a folder would change in this Umbraco site, without writing anything: the folder is read and
/// checked as an import reads it, the site's items are read back as an export reads them, and the two are compared item
/// by item (<see cref="UsyncDiff"/>); a change that would lose stored data is flagged with what it would cost
/// (<see cref="SiteDataCosts"/>).
/// </summary>
public sealed class SitePlanner(UsyncExporter exporter, SiteDataCosts costs, IScopeProvider scopes, TimeProvider clock)
{
    /// <param name="folder">The folder as uploaded (a temporary copy).</param>
    /// <param name="target">What the plan names as its target: the site's address.</param>
    public async Task<PlanResult> PlanAsync(string folder, string target, CancellationToken cancellationToken = default)
    {
        var read = UsyncFolderCheck.Read(folder);
        if (read.Problems.Count > 0)
        {
            return new PlanResult(null, read.Problems);
        }

        using var scope = scopes.CreateScope(autoComplete: true);
        var site = await ReadSiteAsync(cancellationToken);
        var changes = new List<PlannedChange>();
        foreach (var change in UsyncDiff.Between(read.Set, site))
        {
            changes.Add(change with { Destructive = costs.Of(change, read.Set, site) });
        }

        var plan = new UsyncPlan(
            UsyncPlan.CurrentFormat,
            folder,
            target,
            UsyncDiff.SchemaHash(site),
            read.Set.Files.ToDictionary(f => f.Path, f => f.Hash, StringComparer.Ordinal),
            clock.GetUtcNow().UtcDateTime,
            changes);
        return new PlanResult(plan, []);
    }

    /// <summary>Every item of the site, as an export reads it.</summary>
    public Task<UsyncSet> ReadSiteAsync(CancellationToken cancellationToken) => exporter.ReadAsync(UsyncHandlers.All, cancellationToken);
}
