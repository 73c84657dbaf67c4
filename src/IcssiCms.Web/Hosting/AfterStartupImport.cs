using IcssiCms.Core.Usync.Importing;

namespace IcssiCms.Web.Hosting;

/// <summary>
/// Work the site does once it runs and its startup import is over, so that no other write runs beside the import's
/// (which holds Umbraco's write locks); a failed import leaves a site that runs, so the work is still done.
/// <see cref="Finished"/> says when it is done, for what must not write beside it either.
/// </summary>
internal abstract class AfterStartupImport(UsyncImportStatus import) : BackgroundService
{
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Done (or given up): completes whatever happened, never faults.</summary>
    public Task Finished => _finished.Task;

    /// <summary>False when configuration asks for nothing: the service then does not wait at all.</summary>
    protected abstract bool IsWanted { get; }

    protected abstract Task RunAsync(CancellationToken stoppingToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (!IsWanted)
            {
                return;
            }

            try
            {
                await import.Completion.WaitAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The import's failure is the import's to report.
            }

            await RunAsync(stoppingToken);
        }
        finally
        {
            _finished.TrySetResult();
        }
    }
}
