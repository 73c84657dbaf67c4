using IcssiCms.EmbeddedHost.Usync;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IcssiCms.IntegrationTests.Hosting;

/// <summary>
/// The embedded host as <c>dotnet run</c> starts it (the repository's appsettings.json), but on its own
/// temporary SQLite file, log folder and, where a test changes files, its own copy of the uSync folder.
/// </summary>
public sealed class EmbeddedHostFactory(string dataFolder, string usyncFolder) : WebApplicationFactory<Program>
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string HubUsyncFolder => Path.Combine(RepositoryRoot, "uSync", "v17");

    public string DatabaseFile => Path.Combine(dataFolder, "Umbraco.sqlite.db");

    /// <summary>Where the host drops e-mails as .eml files (Umbraco's pickup-directory delivery).</summary>
    public string MailFolder => Path.Combine(dataFolder, "Mail");

    public string LogFolder => Path.Combine(dataFolder, "Logs");

    /// <summary>Waits for the startup import, however long it takes, without polling.</summary>
    public Task<IcssiCms.Store.Importing.ImportResult?> StartupImport =>
        Services.GetRequiredService<ImportStatus>().Completion;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(RepositoryRoot);
        builder.UseSetting("ConnectionStrings:umbracoDbDSN", $"Data Source={DatabaseFile};Foreign Keys=True;Pooling=False");
        builder.UseSetting("Umbraco:CMS:Logging:Directory", LogFolder);
        builder.UseSetting("Umbraco:CMS:Global:Smtp:PickupDirectoryLocation", MailFolder);
        builder.UseSetting("uSync:Settings:RootFolder", usyncFolder);
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
