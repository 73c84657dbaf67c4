using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Infrastructure.BackgroundJobs;

namespace IcssiCms.Core.Registrations;

/// <summary>
/// Registration upkeep as an Umbraco distributed background job, on one server of a load-balanced site at a time, every
/// <see cref="RegistrationOptions.RetentionInterval"/>: held places not confirmed in time are released, records older
/// than <see cref="RegistrationOptions.RetainFor"/> deleted, and free places given to those in line
/// (<see cref="RegistrationStore.Maintain"/>). Off when <see cref="RegistrationOptions.RetentionEnabled"/> is false.
/// </summary>
public sealed class RegistrationMaintenanceJob(
    RegistrationStore store,
    IOptionsMonitor<RegistrationOptions> options,
    ILogger<RegistrationMaintenanceJob> logger) : IDistributedBackgroundJob
{
    public string Name => "IcssiCms.RegistrationMaintenance";

    public TimeSpan Period => options.CurrentValue.RetentionInterval;

    public Task ExecuteAsync() => ExecuteAsync(CancellationToken.None);

    public Task ExecuteAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (!settings.RetentionEnabled)
        {
            return Task.CompletedTask;
        }

        var result = store.Maintain();
        if (result.Expired + result.RecordsDeleted + result.RegistrationsDeleted + result.Promoted > 0)
        {
            logger.LogInformation(
                "Registration upkeep: {Expired} unconfirmed places released, {Records} records and {Registrations} registrations older than {RetainFor} deleted, {Promoted} places given to those in line",
                result.Expired, result.RecordsDeleted, result.RegistrationsDeleted, settings.RetainFor, result.Promoted);
        }

        return Task.CompletedTask;
    }
}
