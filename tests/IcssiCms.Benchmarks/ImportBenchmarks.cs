using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using IcssiCms.Store.Importing;
using IcssiCms.Store.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace IcssiCms.Benchmarks;

/// <summary>
/// The startup import of the hub's schema plus 10,000 generated news items into a SQLite file: cold (an empty
/// store) and unchanged (every file as last imported). Goals: cold ≤ 3 s, unchanged ≤ 300 ms.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class ImportBenchmarks
{
    private string _usync = string.Empty;
    private string _store = string.Empty;

    [Params(10_000)]
    public int NewsItems { get; set; }

    [GlobalSetup]
    public void CreateHub() => _usync = GeneratedHub.Create(NewsItems);

    [IterationSetup(Target = nameof(ColdImport))]
    public void EmptyStore() => _store = NewStore();

    [GlobalSetup(Target = nameof(UnchangedReimport))]
    public void ImportedStore()
    {
        CreateHub();
        _store = NewStore();
        Run(force: true).GetAwaiter().GetResult();
    }

    [IterationCleanup(Target = nameof(ColdImport))]
    public void DeleteStore() => DeleteFiles(_store);

    [GlobalCleanup]
    public void DeleteHub()
    {
        DeleteFiles(_store);
        Directory.Delete(Path.GetDirectoryName(_usync)!, recursive: true);
    }

    [Benchmark]
    public Task<ImportResult> ColdImport() => Run(force: true);

    [Benchmark]
    public Task<ImportResult> UnchangedReimport() => Run(force: false);

    private async Task<ImportResult> Run(bool force)
    {
        await using var db = Open(_store);
        var result = await new UsyncImporter(db, NullLogger<UsyncImporter>.Instance).ImportAsync(_usync, "All", force);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Import refused: {result.Problems[0]}");
        }

        return result;
    }

    private static string NewStore()
    {
        var file = Path.Combine(Path.GetTempPath(), "icssi-bench", Guid.NewGuid().ToString("N") + ".sqlite.db");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using var db = Open(file);
        db.Database.Migrate();
        return file;
    }

    private static void DeleteFiles(string store)
    {
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(store)!, Path.GetFileName(store) + "*"))
        {
            File.Delete(file);
        }
    }

    private static HubDbContext Open(string file) =>
        new(new DbContextOptionsBuilder<HubDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options);
}
