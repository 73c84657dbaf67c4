using IcssiCms.Core.Registrations;
using IcssiCms.EmbeddedHost.Usync;
using Microsoft.Extensions.Options;

namespace IcssiCms.EmbeddedHost.Registrations;

/// <summary>
/// The retention job, on by default: every <see cref="RegistrationOptions.RetentionInterval"/> it releases held
/// places not confirmed in time and deletes records older than <see cref="RegistrationOptions.RetainFor"/>.
/// </summary>
public sealed class RegistrationMaintenance(
    RegistrationWriter writer,
    ImportStatus importStatus,
    IOptions<RegistrationOptions> options,
    TimeProvider time,
    ILogger<RegistrationMaintenance> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.RetentionEnabled)
        {
            logger.LogInformation("Registration retention is off (IcssiCms:Registrations:RetentionEnabled)");
            return;
        }

        try
        {
            await importStatus.Completion.WaitAsync(stoppingToken);
            using var timer = new PeriodicTimer(settings.RetentionInterval, time);
            do
            {
                var result = await writer.MaintainAsync(stoppingToken);
                if (result.Expired + result.RecordsDeleted + result.RegistrationsDeleted > 0)
                {
                    logger.LogInformation(
                        "Registration retention: {Expired} unconfirmed places released, {Records} records and {Registrations} registrations older than {RetainFor} deleted",
                        result.Expired, result.RecordsDeleted, result.RegistrationsDeleted, settings.RetainFor);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Registration retention stopped");
        }
    }
}
