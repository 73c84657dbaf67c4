using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using IcssiCms.Store.Importing;
using IcssiCms.Store.Planning;
using IcssiCms.Usync.Planning;
using IcssiCms.Store.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace IcssiCms.Benchmarks;

/// <summary>
/// <c>usync plan</c> and <c>usync apply</c> on the hub's schema plus 10,000 generated news items, against a store that
/// already holds them, with one document type changed (a property added): the plan compares every item of the folder
/// with the store. Goal: plan ≤ 1 s.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class PlanBenchmarks
{
    private string _usync = string.Empty;
    private string _store = string.Empty;
    private UsyncPlan? _plan;

    [Params(10_000)]
    public int NewsItems { get; set; }

    [GlobalSetup]
    public void ImportedHubWithAChange()
    {
        _usync = GeneratedHub.Create(NewsItems);
        _store = Path.Combine(Path.GetTempPath(), "icssi-bench", Guid.NewGuid().ToString("N") + ".sqlite.db");
        Directory.CreateDirectory(Path.GetDirectoryName(_store)!);
        using (var db = Open(_store))
        {
            db.Database.Migrate();
            var imported = new UsyncImporter(db, NullLogger<UsyncImporter>.Instance).ImportAsync(_usync, "All", force: true).GetAwaiter().GetResult();
            if (!imported.Succeeded)
            {
                throw new InvalidOperationException($"Import refused: {imported.Problems[0]}");
            }
        }

        GeneratedHub.AddProperty(_usync, "campaignNews", "subtitle", "Subtitle");
    }

    private string _pristine = string.Empty;

    /// <summary>Each apply starts from a copy of the store as imported, and its own plan.</summary>
    [IterationSetup(Target = nameof(Apply))]
    public void PlanToApply()
    {
        if (_pristine.Length == 0)
        {
            _pristine = _store + ".pristine";
            File.Copy(_store, _pristine);
        }

        File.Copy(_pristine, _store, overwrite: true);
        _plan = Plan().GetAwaiter().GetResult();
    }

    [Benchmark]
    public async Task<UsyncPlan> Plan()
    {
        await using var db = Open(_store);
        var result = await new UsyncPlanner(db).PlanAsync(_usync);
        return result.Plan ?? throw new InvalidOperationException($"Plan refused: {result.Problems[0]}");
    }

    /// <summary>Applies the plan: it plans again to check nothing moved, then writes the planned files.</summary>
    [Benchmark]
    public async Task<ApplyResult> Apply()
    {
        await using var db = Open(_store);
        var importer = new UsyncImporter(db, NullLogger<UsyncImporter>.Instance);
        var result = await new PlanApplier(new UsyncPlanner(db), importer, NullLogger<PlanApplier>.Instance).ApplyAsync(_plan!, allowDestructive: false);
        return result.Succeeded ? result : throw new InvalidOperationException($"Apply refused: {result.Outcome} {string.Join("; ", result.Reasons)}");
    }

    [GlobalCleanup]
    public void Delete()
    {
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(_store)!, Path.GetFileName(_store) + "*").ToList())
        {
            File.Delete(file);
        }

        Directory.Delete(Path.GetDirectoryName(_usync)!, recursive: true);
    }

    private static HubDbContext Open(string file) =>
        new(new DbContextOptionsBuilder<HubDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options);
}
