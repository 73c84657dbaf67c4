using IcssiCms.Store.Importing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IcssiCms.EmbeddedHost.Usync;

/// <summary>Healthy once the startup import is done; unhealthy while it runs, or when it refused the folder.</summary>
internal sealed class ImportHealthCheck(ImportStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (status.Failure is { } failure)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The uSync startup import failed.", failure));
        }

        if (!status.IsDone)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The uSync startup import is running."));
        }

        return Task.FromResult(status.Completion.Result switch
        {
            { Outcome: ImportOutcome.Refused } refused => HealthCheckResult.Unhealthy(
                $"The uSync folder was refused: {refused.Problems.Count} problems; the store kept what it had. First: {refused.Problems[0]}"),
            { } done => HealthCheckResult.Healthy($"uSync import {done.Outcome.ToString().ToLowerInvariant()}: {done.Counts.Files} files."),
            null => HealthCheckResult.Healthy("No uSync import configured at startup."),
        });
    }
}
