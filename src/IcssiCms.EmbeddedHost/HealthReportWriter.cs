using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IcssiCms.EmbeddedHost;

/// <summary>Writes <c>/healthz</c> as plain text: the status, then one line per check saying why.</summary>
internal static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        var lines = report.Entries.Select(e => $"{e.Key}: {e.Value.Status}: {e.Value.Description}");
        return context.Response.WriteAsync($"{report.Status}\n{string.Join('\n', lines)}\n");
    }
}
