using IcssiCms.Usync.Transfer;
using Umbraco.Cms.Core.Hosting;

namespace IcssiCms.Core.Usync.Api;

/// <summary>A checked archive unpacked into a temporary folder of its own under Umbraco's local temp path, deleted when disposed.</summary>
internal sealed class UploadedFolder : IDisposable
{
    private UploadedFolder(string path) => Path = path;

    public string Path { get; }

    public static UploadedFolder Create(IHostingEnvironment hosting, IReadOnlyList<UsyncArchiveEntry> entries)
    {
        var path = System.IO.Path.Combine(hosting.LocalTempPath, "IcssiCms", "usync", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        var folder = new UploadedFolder(path);
        try
        {
            UsyncArchive.Extract(entries, path);
            return folder;
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open for a moment; the folder is under Umbraco's temp path, which Umbraco clears.
        }
    }
}
