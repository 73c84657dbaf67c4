using IcssiCms.Usync.Model;

namespace IcssiCms.Core.Usync.Importing;

public enum UsyncImportOutcome
{
    /// <summary>The changed items were written to Umbraco.</summary>
    Imported,

    /// <summary>Every file matched what was last imported: nothing was written.</summary>
    Unchanged,

    /// <summary>The folder had problems and was refused whole: nothing was written.</summary>
    Refused,

    /// <summary>Umbraco refused an item the checks let through: everything was rolled back.</summary>
    Failed,

    /// <summary>A planned import found what it was to change changed since the plan (<see cref="UsyncImportResult.Reasons"/>): nothing was written.</summary>
    Stale,
}

/// <summary>What an import did: its outcome, the items written per item type, the problems that refused it, and how long it took.</summary>
public sealed record UsyncImportResult(
    UsyncImportOutcome Outcome,
    int Files,
    IReadOnlyDictionary<UsyncItemType, int> Written,
    int Deleted,
    IReadOnlyList<UsyncProblem> Problems,
    TimeSpan Elapsed)
{
    /// <summary>Why a planned import was refused (<see cref="UsyncImportOutcome.Stale"/>).</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    public bool Succeeded => Outcome is UsyncImportOutcome.Imported or UsyncImportOutcome.Unchanged;

    public int WrittenOf(UsyncItemType type) => Written.GetValueOrDefault(type);
}
