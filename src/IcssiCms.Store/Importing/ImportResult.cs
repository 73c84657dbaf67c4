using IcssiCms.Usync.Model;

namespace IcssiCms.Store.Importing;

public enum ImportOutcome
{
    /// <summary>Changed items were written to the store.</summary>
    Imported,

    /// <summary>Every file matched what was last imported: nothing was read or written.</summary>
    Unchanged,

    /// <summary>The set had problems and was refused whole: nothing was written.</summary>
    Refused,
}

/// <summary>How many items of each type an import wrote (or, when unchanged, how many files it compared).</summary>
public sealed record ImportCounts(
    int Files, int Languages, int DataTypes, int ContentTypes, int Content, int Deleted, int Dictionary = 0, int Forms = 0);

public sealed record ImportResult(ImportOutcome Outcome, ImportCounts Counts, IReadOnlyList<UsyncProblem> Problems, TimeSpan Elapsed)
{
    public bool Succeeded => Outcome != ImportOutcome.Refused;
}
