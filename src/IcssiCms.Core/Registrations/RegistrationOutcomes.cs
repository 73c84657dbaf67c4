namespace IcssiCms.Core.Registrations;

public enum LinkOutcome
{
    Done,
    AlreadyDone,
    NotFound,

    /// <summary>The registration was cancelled or expired; it cannot be confirmed.</summary>
    Closed,
}

/// <summary>What an e-mailed link did, and where the registration stands after it.</summary>
public sealed record LinkResult(LinkOutcome Outcome, Guid? EventKey, RegistrationStatus? Status, string? Culture);

public enum PromoteOutcome
{
    /// <summary>A place was free: the person has it.</summary>
    Promoted,

    /// <summary>The event is full: the person is now first in line, and gets the next place that frees.</summary>
    FirstInLine,
    NotFound,
    NotWaitlisted,
}

public sealed record ErasureResult(int Records, int Registrations);

public sealed record MaintenanceResult(int Expired, int RecordsDeleted, int RegistrationsDeleted, int Promoted);
