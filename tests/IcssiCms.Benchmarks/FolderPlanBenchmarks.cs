using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using IcssiCms.Usync;
using IcssiCms.Usync.Model;
using IcssiCms.Usync.Planning;
using IcssiCms.Usync.Validation;

namespace IcssiCms.Benchmarks;

/// <summary>
/// The parts of <c>usync plan</c> that are the uSync library's, on the hub's schema plus 10,000 generated news items
/// with one document type changed: reading and validating the folder, and comparing it with the site's items (here
/// the unchanged folder stands in for what the site exports). The site's own part, exporting Umbraco's items, is
/// measured over HTTP by <c>load/usync-plan.sh</c>.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class FolderPlanBenchmarks
{
    private string _changed = string.Empty;
    private UsyncSet _site = UsyncSet.Empty;
    private UsyncSet _folder = UsyncSet.Empty;

    [Params(10_000)]
    public int NewsItems { get; set; }

    [GlobalSetup]
    public void HubWithAChange()
    {
        var unchanged = GeneratedHub.Create(NewsItems);
        _site = ReadValid(unchanged);
        _changed = GeneratedHub.Create(NewsItems);
        GeneratedHub.AddProperty(_changed, "campaignNews", "subtitle", "Subtitle");
        _folder = ReadValid(_changed);
    }

    [GlobalCleanup]
    public void DeleteHubs() => Directory.Delete(Path.Combine(Path.GetTempPath(), "icssi-bench"), recursive: true);

    [Benchmark]
    public UsyncReadResult ReadAndValidate() => UsyncFolderCheck.Read(_changed);

    [Benchmark]
    public IReadOnlyList<PlannedChange> Compare() => UsyncDiff.Between(_folder, _site);

    private static UsyncSet ReadValid(string folder)
    {
        var read = UsyncFolderCheck.Read(folder);
        return read.IsValid ? read.Set : throw new InvalidOperationException($"Generated hub refused: {read.Problems[0]}");
    }
}
