using IcssiCms.Usync.Model;

namespace IcssiCms.Core.Usync.Handlers;

/// <summary>What one import works on: the whole validated set, and which of its files changed since the last import.</summary>
public sealed class UsyncImportContext(UsyncSet set, IReadOnlySet<string> changedFiles)
{
    public UsyncSet Set { get; } = set;

    public bool IsChanged(SourceLocation source) => changedFiles.Contains(source.File);
}

/// <summary>Umbraco refused an item the validation let through: the import is rolled back, naming the file.</summary>
public sealed class UsyncImportException(SourceLocation source, string message) : Exception($"{source}: {message}")
{
    public SourceLocation Location { get; } = source;

    public string Problem { get; } = message;
}
