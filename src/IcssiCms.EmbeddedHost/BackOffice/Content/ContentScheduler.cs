using IcssiCms.EmbeddedHost.Usync;

namespace IcssiCms.EmbeddedHost.BackOffice.Content;

/// <summary>
/// Carries out the back office's scheduled publishes and unpublishes (<see cref="ContentEditing.RunDueSchedulesAsync"/>)
/// once the store is up to date and then every <c>IcssiCms:BackOffice:ScheduleCheckInterval</c> (30 seconds by
/// default), on the registered <see cref="TimeProvider"/>.
/// </summary>
internal sealed class ContentScheduler(
    IServiceScopeFactory scopes,
    ImportStatus import,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<ContentScheduler> logger) : BackgroundService
{
    public const string IntervalKey = "IcssiCms:BackOffice:ScheduleCheckInterval";

    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue<TimeSpan?>(IntervalKey) ?? DefaultInterval;
        if (interval <= TimeSpan.Zero)
        {
            interval = DefaultInterval;
        }

        using var timer = new PeriodicTimer(interval, time);
        try
        {
            await import.Completion.WaitAsync(stoppingToken);
            if (import.Failure is not null)
            {
                logger.LogError("Scheduled publishing is off: the store could not be brought up to date");
                return;
            }

            do
            {
                await RunAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var count = await scope.ServiceProvider.GetRequiredService<ContentEditing>().RunDueSchedulesAsync(cancellationToken);
            if (count > 0)
            {
                logger.LogInformation("Carried out {Count} scheduled publish or unpublish entries", count);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Carrying out scheduled publishing failed; trying again at the next check");
        }
    }
}
