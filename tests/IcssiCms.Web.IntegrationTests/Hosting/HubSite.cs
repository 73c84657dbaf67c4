using IcssiCms.Core.Usync.Importing;
using IcssiCms.Core.Usync.Planning;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using IcssiCms.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

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
        ContentRoot = Path.Combine(Path.GetTempPath(), "icssi-site-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(ContentRoot);
        File.Copy(Path.Combine(RepositoryRoot, "appsettings.json"), Path.Combine(ContentRoot, "appsettings.json"));
        CopyFolder(RepositoryUsyncFolder, UsyncFolder);
    }

    /// <summary>The site again, on the content root (database, indexes, uSync folder) an earlier site left.</summary>
    protected HubSite(string contentRoot) => ContentRoot = contentRoot;

    /// <summary>Keep the content root when the site stops, for a site started again on it.</summary>
    public bool KeepsContentRoot { get; init; }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string RepositoryUsyncFolder => Path.Combine(RepositoryRoot, "uSync", "v17");

    public string ContentRoot { get; }

    public string UsyncFolder => Path.Combine(ContentRoot, "uSync", "v17");

    public string DataFolder => Path.Combine(ContentRoot, "umbraco", "Data");

    public string DatabaseFile => Path.Combine(DataFolder, "Umbraco.sqlite.db");

    /// <summary>The startup import's result, once the site has started.</summary>
    public UsyncImportResult? StartupImport { get; private set; }

    public const string EditorEmail = "editor@localhost.invalid";
    public const string EditorName = "Hub Editor";
    public const string EditorPassword = "A-test-editor-password-7";

    /// <summary>The settings that name <see cref="EditorEmail"/> as an editor (IcssiCms:Editors:0).</summary>
    public static IReadOnlyDictionary<string, string?> ConfiguredEditor { get; } = new Dictionary<string, string?>
    {
        ["IcssiCms:Editors:0:Email"] = EditorEmail,
        ["IcssiCms:Editors:0:Name"] = EditorName,
        ["IcssiCms:Editors:0:Password"] = EditorPassword,
    };

    /// <summary>
    /// Settings over the repository's appsettings.json, for fixtures that need their own. The seeded site has an editor
    /// named in configuration.
    /// </summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = ConfiguredEditor;

    public virtual async Task InitializeAsync()
    {
        StartupImport = await Services.GetRequiredService<UsyncImportStatus>().Completion;

        // The users the site makes from its configuration once the import is over: tests write only after them, since
        // two writers at once on SQLite can leave Umbraco retrying until the database's lock times out.
        await Task.WhenAll(Services.GetServices<IHostedService>().OfType<AfterStartupImport>().Select(s => s.Finished));

        // The site reads itself for the uSync plans after the import: a reader beside a test's schema change on SQLite could leave Umbraco's caches stale.
        await Services.GetRequiredService<SiteFolderImageWarmUp>().Done;
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        KeepLogs();
        if (!KeepsContentRoot)
        {
            DeleteFolder(ContentRoot);
        }
    }

    /// <summary>
    /// Where each test site's Umbraco log (umbraco/Logs) is copied when the site stops, so that a failure seen only on CI
    /// can be read afterwards: .ci/run prints their errors when a test fails.
    /// </summary>
    private static string KeptLogsFolder => Path.Combine(RepositoryRoot, "TestResults", "site-logs");

    private void KeepLogs()
    {
        var logs = Path.Combine(ContentRoot, "umbraco", "Logs");
        if (!Directory.Exists(logs))
        {
            return;
        }

        Directory.CreateDirectory(KeptLogsFolder);
        foreach (var log in Directory.EnumerateFiles(logs, "*.json"))
        {
            File.Copy(log, Path.Combine(KeptLogsFolder, $"{Path.GetFileName(ContentRoot)}-{GetType().Name}-{Path.GetFileName(log)}"), overwrite: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(ContentRoot);
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:umbracoDbDSN", $"Data Source={DatabaseFile};Foreign Keys=True;Pooling=True");
        builder.UseSetting("Umbraco:CMS:Unattended:UnattendedUserPassword", AdministratorPassword);

        // Umbraco's distributed jobs stay idle in tests, which run them through IDistributedJobService when they need
        // them. Every check Umbraco makes for a runnable job commits a write, and on SQLite a write that lands between
        // the read and the write of Umbraco's relations update after a publish leaves that update retrying forever
        // (its transaction read an older snapshot): a publish in a test then never returns.
        builder.UseSetting("Umbraco:CMS:DistributedJobs:Delay", "01:00:00");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A site started on the content root an earlier one left, which it deletes when it stops unless told to keep it.</summary>
    public static HubSite Restart(string contentRoot, bool keepsContentRoot = false) => new RestartedSite(contentRoot) { KeepsContentRoot = keepsContentRoot };

    public static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    private sealed class RestartedSite(string contentRoot) : HubSite(contentRoot);

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
