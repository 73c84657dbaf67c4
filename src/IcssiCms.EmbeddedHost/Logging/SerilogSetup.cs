using Serilog;
using Serilog.Formatting.Compact;

namespace IcssiCms.EmbeddedHost.Logging;

/// <summary>
/// Serilog as Umbraco sets it up: levels and sinks from the root <c>Serilog</c> section, plus a compact JSON
/// file per day and machine under <c>umbraco/Logs</c>, the file Umbraco's log viewer reads.
/// </summary>
internal static class SerilogSetup
{
    public static void Configure(LoggerConfiguration logger, IConfiguration configuration, IHostEnvironment environment)
    {
        var directory = Path.Combine(environment.ContentRootPath, "umbraco", "Logs");
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
