namespace IcssiCms.Usync.Model;

/// <summary>Everything read from one uSync folder, with the hash of each file for change detection.</summary>
public sealed record UsyncSet(
    IReadOnlyList<UsyncLanguage> Languages,
    IReadOnlyList<UsyncDataType> DataTypes,
    IReadOnlyList<UsyncContentType> ContentTypes,
    IReadOnlyList<UsyncContent> Content,
    IReadOnlyList<UsyncDictionaryItem> Dictionary,
    IReadOnlyList<UsyncForm> Forms,
    IReadOnlyList<UsyncDelete> Deletes,
    IReadOnlyList<UsyncFile> Files)
{
    public static UsyncSet Empty { get; } = new([], [], [], [], [], [], [], []);
}

/// <summary>One file of the folder: path relative to the folder (with '/'), item type, and SHA-256 of its bytes.</summary>
public sealed record UsyncFile(string Path, UsyncItemType ItemType, string Hash);

/// <summary>A problem with a file: it names the file and, where it can, the line.</summary>
public sealed record UsyncProblem(SourceLocation Source, string Message)
{
    public override string ToString() => $"{Source}: {Message}";
}
