using Serilog;
using Serilog.Formatting.Compact;

namespace IcssiCms.EmbeddedHost.Logging;

/// <summary>
/// Serilog as Umbraco sets it up: levels and sinks from the root <c>Serilog</c> section, plus a compact JSON
/// file per day and machine in Umbraco's <c>Umbraco:CMS:Logging:Directory</c> (default <c>~/umbraco/Logs</c>),
/// the file Umbraco's log viewer reads.
/// </summary>
internal static class SerilogSetup
{
    public const string DirectoryKey = "Umbraco:CMS:Logging:Directory";
    private const string DefaultDirectory = "~/umbraco/Logs";

    public static void Configure(LoggerConfiguration logger, IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[DirectoryKey] ?? DefaultDirectory;
        var directory = configured.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(environment.ContentRootPath, configured[2..])
            : Path.GetFullPath(configured, environment.ContentRootPath);
        logger
            .ReadFrom.Configuration(configuration)
            .Enrich.FromLogContext()
            .WriteTo.File(
                new CompactJsonFormatter(),
                Path.Combine(directory, $"UmbracoTraceLog.{Environment.MachineName}..json"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 30,
                shared: true);
    }
}
