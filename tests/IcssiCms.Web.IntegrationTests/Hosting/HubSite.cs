using Examine;
using Examine.Lucene.Providers;
using IcssiCms.Core.Usync.Importing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Umbraco.Cms.Core;
using Umbraco.Cms.Infrastructure.Examine;

namespace IcssiCms.Web.IntegrationTests.Hosting;

/// <summary>
/// The Umbraco site as <c>dotnet run</c> starts it (the repository's appsettings.json), in a temporary content root of
/// its own: its own SQLite file, Examine indexes and logs, and its own copy of the uSync folder for tests to change.
/// Umbraco installs unattended and imports the folder before the first test.
/// </summary>
public class HubSite : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdministratorEmail = "admin@localhost.invalid";
    public const string AdministratorPassword = "A-test-administrator-password-1";

    public HubSite()
    {
        Directory.CreateDirectory(ContentRoot);
        File.Copy(Path.Combine(RepositoryRoot, "appsettings.json"), Path.Combine(ContentRoot, "appsettings.json"));
        CopyFolder(RepositoryUsyncFolder, UsyncFolder);
    }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string RepositoryUsyncFolder => Path.Combine(RepositoryRoot, "uSync", "v17");

    public string ContentRoot { get; } = Path.Combine(Path.GetTempPath(), "icssi-site-" + Guid.NewGuid().ToString("N")[..12]);

    public string UsyncFolder => Path.Combine(ContentRoot, "uSync", "v17");

    public string DataFolder => Path.Combine(ContentRoot, "umbraco", "Data");

    public string DatabaseFile => Path.Combine(DataFolder, "Umbraco.sqlite.db");

    /// <summary>The startup import's result, once the site has started.</summary>
    public UsyncImportResult? StartupImport { get; private set; }

    /// <summary>Settings over the repository's appsettings.json, for fixtures that need their own.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    public virtual async Task InitializeAsync()
    {
        StartupImport = await Services.GetRequiredService<UsyncImportStatus>().Completion;
        await RebuildDeliveryIndexAsync();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        DeleteFolder(ContentRoot);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(ContentRoot);
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:umbracoDbDSN", $"Data Source={DatabaseFile};Foreign Keys=True;Pooling=True");
        builder.UseSetting("Umbraco:CMS:Unattended:UnattendedUserPassword", AdministratorPassword);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>
    /// The import rebuilds the Delivery API's index, but Examine writes it in the background and commits a second after
    /// the last write: queries made at once find nothing. Rebuilt again on this thread, the index is committed and
    /// searchable when this returns. (With the Delivery API disabled, nothing fills the index.)
    /// </summary>
    private async Task RebuildDeliveryIndexAsync()
    {
        const string name = Constants.UmbracoIndexes.DeliveryApiContentIndexName;
        var rebuilder = Services.GetRequiredService<IIndexRebuilder>();
        if (!rebuilder.CanRebuild(name))
        {
            return;
        }

        var index = (LuceneIndex)Services.GetRequiredService<IExamineManager>().GetIndex(name);
        using (index.WithThreadingMode(IndexThreadingMode.Synchronous))
        {
            var rebuilt = await rebuilder.RebuildIndexAsync(name, TimeSpan.Zero, useBackgroundThread: false);
            if (!rebuilt.Success)
            {
                throw new InvalidOperationException($"The Delivery API index was not rebuilt: {rebuilt.Result}");
            }
        }
    }

    public static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    private static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Lucene or SQLite may still hold a file for a moment; the folder is under the temp path.
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "IcssiCms.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("IcssiCms.sln not found above the test output folder.");
    }
}
