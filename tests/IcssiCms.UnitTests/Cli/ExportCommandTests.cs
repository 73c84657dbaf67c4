using IcssiCms.UnitTests.Support;
using IcssiCms.Usync.Cli;

namespace IcssiCms.UnitTests.Cli;

/// <summary><c>usync export</c> from a store the repository's <c>uSync/</c> folder was imported into.</summary>
public sealed class ExportCommandTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "icssi-unit-" + Guid.NewGuid().ToString("N"));
    private TempStore _store = null!;

    private string Exported => Path.Combine(_root, "export", "v17");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        _store = await TempStore.CreateAsync(_root);
        var import = await _store.ImportAsync(HubFolder.Path);
        Assert.True(import.Succeeded, ProblemAssert.Describe(import.Problems));
    }

    public Task DisposeAsync()
    {
        _store.Release();
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Importing_The_Hub_And_Exporting_It_Gives_The_Same_Files_Byte_For_Byte()
    {
        var run = await UsyncCli.RunExpectingAsync(ExitCodes.Success, "export", Exported, "--source", _store.ConnectionString, "--content");

        var expected = AllFiles(HubFolder.Path);
        Assert.Equal(expected, AllFiles(Exported));
        foreach (var file in expected)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(HubFolder.Path, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(Exported, file))),
                $"{file} differs from the hub's");
        }

        Assert.Contains($"{expected.Count} written, 0 unchanged, 0 deleted", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exporting_Again_Writes_Nothing()
    {
        await UsyncCli.RunExpectingAsync(ExitCodes.Success, "export", Exported, "--source", _store.ConnectionString, "--content");
        var times = AllFiles(Exported).ToDictionary(f => f, f => File.GetLastWriteTimeUtc(Path.Combine(Exported, f)));

        var run = await UsyncCli.RunExpectingAsync(ExitCodes.Success, "export", Exported, "--source", _store.ConnectionString, "--content");

        Assert.Contains($"0 written, {times.Count} unchanged, 0 deleted", run.Output, StringComparison.Ordinal);
        Assert.All(times, t => Assert.Equal(t.Value, File.GetLastWriteTimeUtc(Path.Combine(Exported, t.Key))));
    }

    [Fact]
    public async Task Without_Content_Only_The_Schema_Is_Written_And_Clean_Removes_Stale_Files()
    {
        await UsyncCli.RunExpectingAsync(ExitCodes.Success, "export", Exported, "--source", _store.ConnectionString);
        Assert.Empty(HubFolder.FilesOf(Exported, "Content"));
        Assert.Equal(HubFolder.FilesOf("ContentTypes"), HubFolder.FilesOf(Exported, "ContentTypes"));
        File.WriteAllText(Path.Combine(Exported, "ContentTypes", "gone.config"), "<ContentType />");

        var run = await UsyncCli.RunExpectingAsync(ExitCodes.Success, "export", Exported, "--source", _store.ConnectionString, "--clean");

        Assert.Contains("deleted    ContentTypes/gone.config", run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Exported, "ContentTypes", "gone.config")));
    }

    private static List<string> AllFiles(string folder) => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
        .Order(StringComparer.Ordinal)
        .ToList();
}
