using System.Security.Cryptography;
using System.Xml;
using System.Xml.Linq;
using IcssiCms.Usync.Model;
using IcssiCms.Usync.Serializers;

namespace IcssiCms.Usync;

/// <summary>What reading a folder gave: the items, and every problem found in the files.</summary>
public sealed record UsyncReadResult(UsyncSet Set, IReadOnlyList<UsyncProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>One file read: its path and hash, the item it holds (a delete marker, or null when unreadable), and its problems.</summary>
public sealed record UsyncFileRead(UsyncFile File, object? Item, IReadOnlyList<UsyncProblem> Problems);

/// <summary>
/// Reads a uSync v17 folder (<c>usync.config</c> and the handler folders below it) into a <see cref="UsyncSet"/>.
/// Import does not depend on file names: every <c>*.config</c> below a handler folder is read, as uSync does.
/// </summary>
public sealed class UsyncFolderReader
{
    public const string MarkerFile = "usync.config";
    public const string SupportedFormat = "10.7.0";
    private const string FileExtension = "*.config";

    private readonly LanguageSerializer _languages = new();
    private readonly DataTypeSerializer _dataTypes = new();
    private readonly ContentTypeSerializer _contentTypes = new();
    private readonly ContentSerializer _content = new();
    private readonly DictionarySerializer _dictionary = new();
    private readonly FormSerializer _forms = new();

    /// <summary>Reads the files of the given handlers (all by default) below <paramref name="folder"/>.</summary>
    public UsyncReadResult Read(string folder, IReadOnlyList<UsyncHandler>? handlers = null)
    {
        var (files, problems) = ReadFiles(folder, handlers);
        return new UsyncReadResult(Assemble(files), problems);
    }

    /// <summary>Reads each file on its own (and checks the marker): the files in reading order, and every problem.</summary>
    public (IReadOnlyList<UsyncFileRead> Files, IReadOnlyList<UsyncProblem> Problems) ReadFiles(string folder, IReadOnlyList<UsyncHandler>? handlers = null)
    {
        var problems = new List<UsyncProblem>();
        if (!Directory.Exists(folder))
        {
            problems.Add(new UsyncProblem(new SourceLocation(folder, 0), "The uSync folder does not exist."));
            return ([], problems);
        }

        CheckMarker(folder, problems);

        var files = ListFiles(folder, handlers ?? UsyncHandlers.All);
        var results = new UsyncFileRead[files.Count];
        Parallel.For(0, files.Count, i => results[i] = ReadFile(files[i].Handler, files[i].Path, File.ReadAllBytes(Path.Combine(folder, files[i].Path))));
        problems.AddRange(results.SelectMany(r => r.Problems));
        return (results, problems);
    }

    /// <summary>A set of the files' items, in the order given (as <see cref="Read"/> orders them: handler, then path).</summary>
    public static UsyncSet Assemble(IReadOnlyCollection<UsyncFileRead> results)
    {
        var languages = new List<UsyncLanguage>();
        var dataTypes = new List<UsyncDataType>();
        var contentTypes = new List<UsyncContentType>();
        var content = new List<UsyncContent>();
        var dictionary = new List<UsyncDictionaryItem>();
        var forms = new List<UsyncForm>();
        var deletes = new List<UsyncDelete>();
        var hashed = new List<UsyncFile>(results.Count);
        foreach (var result in results)
        {
            hashed.Add(result.File);
            switch (result.Item)
            {
                case UsyncLanguage item: languages.Add(item); break;
                case UsyncDataType item: dataTypes.Add(item); break;
                case UsyncContentType item: contentTypes.Add(item); break;
                case UsyncContent item: content.Add(item); break;
                case UsyncDictionaryItem item: dictionary.Add(item); break;
                case UsyncForm item: forms.Add(item); break;
                case UsyncDelete item: deletes.Add(item); break;
            }
        }

        return new UsyncSet(languages, dataTypes, contentTypes, content, dictionary, forms, deletes, hashed);
    }

    /// <summary>Lists the item files of the given handlers, relative to the folder, in a stable order.</summary>
    public static IReadOnlyList<(UsyncHandler Handler, string Path)> ListFiles(string folder, IReadOnlyList<UsyncHandler> handlers)
    {
        var files = new List<(UsyncHandler, string)>();
        foreach (var handler in handlers.OrderBy(h => h.Priority))
        {
            var handlerFolder = Path.Combine(folder, handler.Folder);
            if (!Directory.Exists(handlerFolder))
            {
                continue;
            }

            files.AddRange(Directory.EnumerateFiles(handlerFolder, FileExtension, SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(folder, path).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)
                .Select(path => (handler, path)));
        }

        return files;
    }

    /// <summary>The handler whose folder holds a file (a path relative to the uSync folder, with '/'); null for none.</summary>
    public static UsyncHandler? HandlerOf(string path) =>
        UsyncHandlers.All.FirstOrDefault(h => path.StartsWith(h.Folder + "/", StringComparison.Ordinal));

    /// <summary>Every item file of the folder with the SHA-256 of its bytes, without parsing any: what a plan is bound to.</summary>
    public static IReadOnlyDictionary<string, string> HashFiles(string folder, IReadOnlyList<UsyncHandler>? handlers = null)
    {
        var files = ListFiles(folder, handlers ?? UsyncHandlers.All);
        var hashes = new string[files.Count];
        Parallel.For(0, files.Count, i => hashes[i] = HashOf(File.ReadAllBytes(Path.Combine(folder, files[i].Path))));
        return files.Select((f, i) => (f.Path, Hash: hashes[i])).ToDictionary(f => f.Path, f => f.Hash, StringComparer.Ordinal);
    }

    /// <summary>The SHA-256 of a file's bytes, as lower-case hex: what change detection compares.</summary>
    public static string HashOf(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static void CheckMarker(string folder, List<UsyncProblem> problems)
    {
        var marker = Path.Combine(folder, MarkerFile);
        var location = new SourceLocation(MarkerFile, 0);
        if (!File.Exists(marker))
        {
            problems.Add(new UsyncProblem(location, "The usync.config marker is missing: this is not a uSync folder."));
            return;
        }

        try
        {
            var root = XDocument.Load(marker, LoadOptions.SetLineInfo).Root!;
            var format = root.Attribute("format")?.Value;
            var rootLocation = location with { Line = ElementReader.LineOf(root) };
            if (root.Name.LocalName != "uSync" || format is null)
            {
                problems.Add(new UsyncProblem(rootLocation, "usync.config must be <uSync version=\"…\" format=\"…\" />."));
            }
            else if (!Version.TryParse(format, out var version) || version < Version.Parse(SupportedFormat))
            {
                problems.Add(new UsyncProblem(rootLocation, $"format '{format}' is older than {SupportedFormat}, the format uSync 17 writes."));
            }
        }
        catch (XmlException ex)
        {
            problems.Add(new UsyncProblem(location with { Line = ex.LineNumber }, $"Not well-formed XML: {ex.Message}"));
        }
    }

    /// <summary>Reads one item file from its bytes: <paramref name="relativePath"/> is where problems say it is.</summary>
    public UsyncFileRead ReadFile(UsyncHandler handler, string relativePath, byte[] bytes)
    {
        var file = new UsyncFile(relativePath, handler.ItemType, HashOf(bytes));
        var problems = new List<UsyncProblem>();
        var reader = new ElementReader(relativePath, problems);

        XElement root;
        try
        {
            using var stream = new MemoryStream(bytes);
            root = XDocument.Load(stream, LoadOptions.SetLineInfo).Root!;
        }
        catch (XmlException ex)
        {
            problems.Add(new UsyncProblem(new SourceLocation(relativePath, ex.LineNumber), $"Not well-formed XML: {ex.Message}"));
            return new UsyncFileRead(file, null, problems);
        }

        object? item = root.Name.LocalName switch
        {
            "Empty" => ReadEmpty(root, handler, reader),
            var name when name == handler.ElementName => Deserialize(root, handler, reader),
            var name => Wrong(root, reader, $"<{name}> does not belong in {handler.Folder}/: its files hold <{handler.ElementName}> or <Empty>."),
        };

        return new UsyncFileRead(file, item, problems);
    }

    private object Deserialize(XElement root, UsyncHandler handler, ElementReader reader) => handler.ItemType switch
    {
        UsyncItemType.Language => _languages.Deserialize(root, reader),
        UsyncItemType.DataType => _dataTypes.Deserialize(root, reader),
        UsyncItemType.ContentType => _contentTypes.Deserialize(root, reader),
        UsyncItemType.Content => _content.Deserialize(root, reader),
        UsyncItemType.Dictionary => _dictionary.Deserialize(root, reader),
        UsyncItemType.Form => _forms.Deserialize(root, reader),
        _ => throw new ArgumentOutOfRangeException(nameof(handler), handler.ItemType, null),
    };

    private static object? Wrong(XElement root, ElementReader reader, string message)
    {
        reader.Problem(root, message);
        return null;
    }

    /// <summary>
    /// <c>Empty</c> files: a Delete marker removes the item; Rename and None markers are ignored, as uSync does.
    /// Clean markers delete whatever is not in the folder, which this importer refuses to do silently.
    /// </summary>
    private static UsyncDelete? ReadEmpty(XElement root, UsyncHandler handler, ElementReader reader)
    {
        var change = root.Attribute("Change")?.Value;
        switch (change)
        {
            case "Delete":
                return new UsyncDelete(handler.ItemType, reader.Key(root, allowEmpty: true), root.Attribute("Alias")?.Value ?? string.Empty, reader.At(root));
            case "Rename" or "None":
                return null;
            case "Clean":
                reader.Problem(root, "Clean markers (CreateClean) are not supported: list deletions as Change=\"Delete\" markers.");
                return null;
            default:
                reader.Problem(root, $"<Empty> has Change '{change}'; expected Delete, Rename, None or Clean.");
                return null;
        }
    }
}
