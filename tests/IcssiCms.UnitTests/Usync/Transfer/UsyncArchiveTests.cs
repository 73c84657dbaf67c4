using System.IO.Compression;
using System.Text;
using IcssiCms.UnitTests.Support;
using IcssiCms.Usync.Transfer;

namespace IcssiCms.UnitTests.Usync.Transfer;

/// <summary>A folder zipped by the command line and read back by a site: every file, and nothing a hostile archive would slip in.</summary>
public sealed class UsyncArchiveTests
{
    [Fact]
    public void The_Hub_Folder_Round_Trips_Byte_For_Byte()
    {
        using var zip = new MemoryStream();
        UsyncArchive.Pack(HubFolder.Path, zip);
        zip.Position = 0;

        var entries = UsyncArchive.Read(zip, UsyncArchiveLimits.Default);

        var files = Directory.EnumerateFiles(HubFolder.Path, "*.config", SearchOption.AllDirectories).ToList();
        Assert.Equal(files.Count, entries.Count);
        foreach (var entry in entries)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(HubFolder.Path, entry.Path)), entry.Bytes);
        }
    }

    [Fact]
    public void An_Archive_That_Inflates_Past_The_Limit_Is_Refused_While_Inflating()
    {
        // 64 MB of zeros compress to about 64 KB: what a zip bomb is made of.
        using var zip = Zip(("usync.config", new byte[10]), ("Content/bomb.config", new byte[64 << 20]));
        Assert.True(zip.Length < 1 << 20);

        var refused = Assert.Throws<UsyncArchiveException>(() => UsyncArchive.Read(zip, new UsyncArchiveLimits(100, 1 << 20)));

        Assert.Contains("Content/bomb.config: the archive inflates to more than 1,048,576 bytes", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_Archive_With_More_Files_Than_Allowed_Is_Refused()
    {
        using var zip = Zip([("usync.config", new byte[1]), .. Enumerable.Range(0, 5).Select(i => ($"Content/{i}.config", new byte[1]))]);

        var refused = Assert.Throws<UsyncArchiveException>(() => UsyncArchive.Read(zip, new UsyncArchiveLimits(3, 1 << 20)));

        Assert.Contains("more than 3 files", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extracting_Writes_Only_Below_The_Folder()
    {
        using var zip = Zip(("usync.config", "<uSync />"u8.ToArray()), ("Content/a.config", "<Content />"u8.ToArray()));
        var folder = Path.Combine(Path.GetTempPath(), "icssi-archive-" + Guid.NewGuid().ToString("N"));
        try
        {
            UsyncArchive.Extract(UsyncArchive.Read(zip, UsyncArchiveLimits.Default), folder);

            Assert.Equal(["Content/a.config", "usync.config"],
                Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static MemoryStream Zip(params (string Path, byte[] Bytes)[] files)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, bytes) in files)
            {
                using var entry = zip.CreateEntry(path, CompressionLevel.Optimal).Open();
                entry.Write(bytes);
            }
        }

        stream.Position = 0;
        return stream;
    }
}
