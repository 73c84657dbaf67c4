using IcssiCms.UnitTests.Support;
using IcssiCms.Usync;
using IcssiCms.Usync.Transfer;

namespace IcssiCms.UnitTests.Usync.Transfer;

/// <summary>The folder's file list the command line sends before any file: every item file's hash, and nothing a site should not trust.</summary>
public sealed class UsyncManifestTests
{
    [Fact]
    public void The_Manifest_Lists_Every_Item_File_With_The_Hash_Of_Its_Bytes_And_Reads_Back_As_Written()
    {
        var manifest = UsyncManifest.Of(HubFolder.Path);

        var files = Directory.EnumerateFiles(HubFolder.Path, "*.config", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(HubFolder.Path, f).Replace('\\', '/'))
            .Where(f => f != UsyncFolderReader.MarkerFile)
            .ToList();
        Assert.Equal(files.Order(StringComparer.Ordinal), manifest.Files.Keys.Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            Assert.Equal(UsyncFolderReader.HashOf(File.ReadAllBytes(Path.Combine(HubFolder.Path, file))), manifest.Files[file]);
        }

        var (read, problem) = UsyncManifest.FromJson(manifest.ToJson(), UsyncArchiveLimits.Default);
        Assert.Null(problem);
        Assert.Equal(manifest.Files.OrderBy(f => f.Key, StringComparer.Ordinal), read!.Files.OrderBy(f => f.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void A_Manifest_Listing_More_Files_Than_An_Archive_May_Hold_Is_Refused()
    {
        var manifest = new UsyncManifest(Enumerable.Range(0, 5).ToDictionary(i => $"Content/{i}.config", _ => new string('0', 64)));

        var (read, problem) = UsyncManifest.FromJson(manifest.ToJson(), new UsyncArchiveLimits(3, 1 << 20));

        Assert.Null(read);
        Assert.Equal("more than 3 files", problem);
    }
}
