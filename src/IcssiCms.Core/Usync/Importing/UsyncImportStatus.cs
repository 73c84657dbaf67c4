namespace IcssiCms.Core.Usync.Importing;

/// <summary>Where the startup import of this server stands: the health check reads it.</summary>
public sealed class UsyncImportStatus
{
    private volatile State _state = new(UsyncImportPhase.NotStarted, null, null);

    public UsyncImportPhase Phase => _state.Phase;

    /// <summary>The import's result; null when none was configured to run or it has not finished.</summary>
    public UsyncImportResult? Result => _state.Result;

    /// <summary>What stopped the import, when it crashed (Umbraco refusing an item is a <see cref="Result"/>, not this).</summary>
    public Exception? Failure => _state.Failure;

    public void Start() => _state = new(UsyncImportPhase.Running, null, null);

    public void Complete(UsyncImportResult? result) => _state = new(UsyncImportPhase.Done, result, null);

    public void Fail(Exception exception) => _state = new(UsyncImportPhase.Done, null, exception);

    private sealed record State(UsyncImportPhase Phase, UsyncImportResult? Result, Exception? Failure);
}

public enum UsyncImportPhase
{
    NotStarted,
    Running,
    Done,
}
