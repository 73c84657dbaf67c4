namespace IcssiCms.Core.Usync.Importing;

/// <summary>Where the startup import of this server stands: the health check reads it, and tests can wait for it.</summary>
public sealed class UsyncImportStatus
{
    private readonly TaskCompletionSource<UsyncImportResult?> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _running;

    public UsyncImportPhase Phase => _done.Task.IsCompleted ? UsyncImportPhase.Done : _running ? UsyncImportPhase.Running : UsyncImportPhase.NotStarted;

    /// <summary>The import's result, once done; null when none was configured to run.</summary>
    public UsyncImportResult? Result => _done.Task.IsCompletedSuccessfully ? _done.Task.Result : null;

    /// <summary>What stopped the import, when it crashed (Umbraco refusing an item is a <see cref="Result"/>, not this).</summary>
    public Exception? Failure => _done.Task.Exception?.InnerException;

    /// <summary>Completes when the startup import is done (or was not configured to run).</summary>
    public Task<UsyncImportResult?> Completion => _done.Task;

    public void Start() => _running = true;

    public void Complete(UsyncImportResult? result) => _done.TrySetResult(result);

    public void Fail(Exception exception) => _done.TrySetException(exception);
}

public enum UsyncImportPhase
{
    NotStarted,
    Running,
    Done,
}
