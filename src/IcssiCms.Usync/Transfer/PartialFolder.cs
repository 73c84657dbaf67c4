using IcssiCms.Usync.Model;
using IcssiCms.Usync.Validation;

namespace IcssiCms.Usync.Transfer;

/// <summary>
/// A folder put together from part of it: the manifest names every file with its hash; the files sent are read as
/// they are; each other file is an item the receiver already holds as exactly those bytes (found by their hash), read
/// from its own copy. The result is the set reading the whole folder gives, item for item and line for line, checked
/// as an import checks it; or the files that are neither sent nor held, for the sender to send.
/// </summary>
public static class PartialFolder
{
    /// <param name="manifest">Every item file of the folder, with its hash.</param>
    /// <param name="sent">The files sent, and the problems of reading them and the marker (<see cref="UsyncFolderReader.ReadFiles"/>).</param>
    /// <param name="held">The receiver's own reading of a file with this hash, or null when it has none.</param>
    public static PartialFolderResult Compose(
        UsyncManifest manifest, (IReadOnlyList<UsyncFileRead> Files, IReadOnlyList<UsyncProblem> Problems) sent, Func<string, UsyncFileRead?> held)
    {
        var sentByPath = new Dictionary<string, UsyncFileRead>(StringComparer.Ordinal);
        foreach (var file in sent.Files)
        {
            if (!manifest.Files.TryGetValue(file.File.Path, out var listed))
            {
                return PartialFolderResult.Mismatch($"{file.File.Path}: sent, but not in the manifest");
            }

            if (listed != file.File.Hash)
            {
                return PartialFolderResult.Mismatch($"{file.File.Path}: its bytes are not those the manifest lists");
            }

            sentByPath[file.File.Path] = file;
        }

        var reads = new List<UsyncFileRead>(manifest.Files.Count);
        var heldProblems = new List<UsyncProblem>();
        var missing = new List<string>();
        foreach (var (path, hash, handler) in Ordered(manifest))
        {
            if (sentByPath.TryGetValue(path, out var file))
            {
                reads.Add(file);
            }
            else if (held(hash) is { } copy && copy.File.ItemType == handler.ItemType)
            {
                var read = At(copy, path);
                reads.Add(read);
                heldProblems.AddRange(read.Problems);
            }
            else
            {
                missing.Add(path);
            }
        }

        if (missing.Count > 0)
        {
            return new PartialFolderResult(null, missing, null);
        }

        var set = UsyncFolderReader.Assemble(reads);
        var readProblems = sent.Problems.Concat(heldProblems).ToList();
        var problems = readProblems.Count > 0 ? readProblems : new UsyncSetValidator().Validate(set);
        return new PartialFolderResult(new UsyncReadResult(set, problems), [], null);
    }

    /// <summary>The manifest's files, each with its handler, in the order a folder is read: by handler, then by path.</summary>
    private static IEnumerable<(string Path, string Hash, UsyncHandler Handler)> Ordered(UsyncManifest manifest) => manifest.Files
        .Select(f => (Path: f.Key, Hash: f.Value, Handler: UsyncFolderReader.HandlerOf(f.Key)))
        .Where(f => f.Handler is not null)
        .OrderBy(f => f.Handler!.Priority)
        .ThenBy(f => f.Path, StringComparer.Ordinal)
        .Select(f => (f.Path, f.Hash, f.Handler!));

    /// <summary>A held copy read as the folder's file at <paramref name="path"/>: the same item, named by the folder's path.</summary>
    private static UsyncFileRead At(UsyncFileRead copy, string path)
    {
        SourceLocation Here(SourceLocation source) => source with { File = path };
        object? item = copy.Item switch
        {
            UsyncLanguage language => language with { Source = Here(language.Source) },
            UsyncDataType dataType => dataType with { Source = Here(dataType.Source) },
            UsyncContentType contentType => contentType with { Source = Here(contentType.Source) },
            UsyncContent content => content with { Source = Here(content.Source) },
            UsyncDictionaryItem dictionary => dictionary with { Source = Here(dictionary.Source) },
            UsyncForm form => form with { Source = Here(form.Source) },
            UsyncDelete delete => delete with { Source = Here(delete.Source) },
            var other => other,
        };
        return new UsyncFileRead(copy.File with { Path = path }, item, copy.Problems.Select(p => p with { Source = Here(p.Source) }).ToList());
    }
}

/// <summary>
/// The folder read and checked (<see cref="Read"/>); or the files the receiver needs sent (<see cref="Missing"/>); or why
/// what was sent does not match its manifest (<see cref="Problem"/>).
/// </summary>
public sealed record PartialFolderResult(UsyncReadResult? Read, IReadOnlyList<string> Missing, string? Problem)
{
    public static PartialFolderResult Mismatch(string problem) => new(null, [], problem);
}
