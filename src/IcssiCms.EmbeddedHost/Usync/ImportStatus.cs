using IcssiCms.Store.Importing;

namespace IcssiCms.EmbeddedHost.Usync;

/// <summary>Where the startup import stands; the health check reads it.</summary>
public sealed class ImportStatus
{
    private readonly TaskCompletionSource<ImportResult?> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The import's result, or null when no import was configured to run.</summary>
    public Task<ImportResult?> Completion => _completion.Task;

    public bool IsDone => _completion.Task.IsCompletedSuccessfully;

    public Exception? Failure { get; private set; }

    public void Complete(ImportResult? result) => _completion.TrySetResult(result);

    public void Fail(Exception exception)
    {
        Failure = exception;
        _completion.TrySetException(exception);
    }
}
