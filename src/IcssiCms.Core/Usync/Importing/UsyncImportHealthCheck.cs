using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IcssiCms.Core.Usync.Importing;

/// <summary>
/// Healthy once the startup import is done, or when none runs; unhealthy while it runs, or when the folder was refused
/// or Umbraco refused an item (then the site serves what it had), naming each problem's file and line.
/// </summary>
public sealed class UsyncImportHealthCheck(UsyncImportStatus status) : IHealthCheck
{
    public const string Name = "usync-import";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Check());

    private HealthCheckResult Check()
    {
        if (status.Failure is { } failure)
        {
            return HealthCheckResult.Unhealthy($"The uSync startup import failed: {failure.Message}");
        }

        if (status.Phase != UsyncImportPhase.Done)
        {
            return HealthCheckResult.Unhealthy(status.Phase == UsyncImportPhase.Running ? "The uSync startup import is running." : "The uSync startup import has not started.");
        }

        return status.Result switch
        {
            { Outcome: UsyncImportOutcome.Refused or UsyncImportOutcome.Failed } refused => HealthCheckResult.Unhealthy(
                $"The uSync folder was {(refused.Outcome == UsyncImportOutcome.Refused ? "refused" : "rolled back")}: {refused.Problems.Count} problem(s); "
                + $"the site serves what it had. First: {refused.Problems[0]}",
                data: new Dictionary<string, object> { ["problems"] = refused.Problems.Select(p => p.ToString()).ToArray() }),
            { } done => HealthCheckResult.Healthy($"uSync import {done.Outcome.ToString().ToLowerInvariant()}: {done.Files} files."),
            null => HealthCheckResult.Healthy("No uSync import is configured at startup."),
        };
    }
}
