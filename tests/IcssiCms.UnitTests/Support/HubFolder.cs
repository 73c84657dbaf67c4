using IcssiCms.Usync;
using IcssiCms.Usync.Mapping;
using IcssiCms.Usync.Model;
using Umbraco.Cms.Core.Models;

namespace IcssiCms.UnitTests.Support;

/// <summary>The real hub folder, <c>uSync/v17</c> beside <c>IcssiCms.sln</c>, read once for the tests that only look.</summary>
public static class HubFolder
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Path { get; } = System.IO.Path.Combine(RepositoryRoot, "uSync", "v17");

    private static readonly Lazy<UsyncReadResult> Reading = new(() => new UsyncFolderReader().Read(HubFolder.Path));

    /// <summary>What the reader made of the real folder (shared: do not change it).</summary>
    public static UsyncReadResult Read => Reading.Value;

    public static UsyncSet Set => Read.Set;

    /// <summary>The item files of one handler folder of the real hub, relative to the folder, with '/'.</summary>
    public static IReadOnlyList<string> FilesOf(string handlerFolder) => FilesOf(Path, handlerFolder);

    public static IReadOnlyList<string> FilesOf(string folder, string handlerFolder)
    {
        var handlerPath = System.IO.Path.Combine(folder, handlerFolder);
        return Directory.Exists(handlerPath)
            ? Directory.EnumerateFiles(handlerPath, "*.config", SearchOption.AllDirectories)
                .Select(f => System.IO.Path.GetRelativePath(folder, f).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
    }

    /// <summary>Fresh Umbraco document types for the real set: each caller gets its own objects.</summary>
    public static IReadOnlyDictionary<string, ContentType> CreateContentTypes() => new UmbracoContentTypeFactory().Create(Set);

    /// <summary>The node of the real set whose file is <paramref name="file"/> (for example "Content/campaigns.config").</summary>
    public static UsyncContent ContentIn(string file) => Set.Content.Single(c => c.Source.File == file);

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(directory.FullName, "IcssiCms.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds IcssiCms.sln.");
    }
}
