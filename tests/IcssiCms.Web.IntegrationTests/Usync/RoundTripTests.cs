using IcssiCms.Core.Usync.Exporting;
using IcssiCms.Usync.Writing;
using IcssiCms.Web.IntegrationTests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace IcssiCms.Web.IntegrationTests.Usync;

[Collection(SeededSiteCollection.Name)]
public sealed class RoundTripTests(HubSite site)
{
    [Fact]
    public async Task Exporting_The_Imported_Folder_Gives_The_Same_Bytes()
    {
        var exported = Path.Combine(site.ContentRoot, "exported-" + Guid.NewGuid().ToString("N")[..8]);
        await site.Services.GetRequiredService<UsyncExporter>().ExportAsync(exported, UsyncWriteOptions.SchemaAndContent);

        var expected = Files(HubSite.RepositoryUsyncFolder);
        var actual = Files(exported);
        Assert.Empty(expected.Keys.Except(actual.Keys));
        Assert.Empty(actual.Keys.Except(expected.Keys));
        var different = expected.Keys.Where(path => !expected[path].SequenceEqual(actual[path])).ToList();
        Assert.True(different.Count == 0, "Different after the round trip: " + string.Join(", ", different));
    }

    private static Dictionary<string, byte[]> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*.config", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes);
}
