using System.Xml.Linq;
using IcssiCms.Usync.Model;

namespace IcssiCms.Usync.Writing;

/// <summary>What to write: which handlers' items, whether to delete stale files, and the version the marker names.</summary>
/// <param name="Handlers">The handlers whose folders are written; see <see cref="Schema"/> and <see cref="SchemaAndContent"/>.</param>
/// <param name="Clean">Delete the <c>*.config</c> files under the written handlers' folders that this write did not produce.</param>
/// <param name="Version">The uSync version <c>usync.config</c> names.</param>
public sealed record UsyncWriteOptions(IReadOnlyList<UsyncHandler> Handlers, bool Clean = false, string Version = UsyncFolderWriter.DefaultVersion)
{
    /// <summary>The schema: languages, dictionary, data types, document types and forms; no content.</summary>
    public static UsyncWriteOptions Schema { get; } = new(UsyncHandlers.All.Where(h => h.ItemType != UsyncItemType.Content).ToList());

    /// <summary>The schema and the content tree: every handler.</summary>
    public static UsyncWriteOptions SchemaAndContent { get; } = new(UsyncHandlers.All);

    /// <summary>The handlers of uSync group settings such as "Settings", "Settings,Content" or "All" (as the import reads them).</summary>
    public static UsyncWriteOptions ForGroups(string groups, bool clean = false) => new(UsyncHandlers.InGroups(groups), clean);
}

/// <summary>
/// One file a write produces: its path relative to the folder (with '/'), its handler (none for the marker), its bytes,
/// and the key of the item it holds (none for the marker).
/// </summary>
public sealed record UsyncOutputFile(string Path, UsyncHandler? Handler, byte[] Bytes, Guid? Key = null);

/// <summary>What a write did: the files it wrote (new or changed), those it left as they were, and those it deleted.</summary>
public sealed record UsyncWriteResult(IReadOnlyList<string> Written, IReadOnlyList<string> Unchanged, IReadOnlyList<string> Deleted)
{
    public int Files => Written.Count + Unchanged.Count;
}

/// <summary>
/// Writes a <see cref="UsyncSet"/> as a uSync 17 folder: <c>usync.config</c> and one file per item in its handler's
/// flat folder, named as uSync names it. The output depends only on the set: the same set gives the same bytes, items
/// are ordered canonically inside each file, and a file whose bytes would not change is not touched. Nothing the write
/// did not produce is removed unless <see cref="UsyncWriteOptions.Clean"/> asks for it. <c>&lt;Empty&gt;</c> markers
/// (<see cref="UsyncSet.Deletes"/>) are not written.
/// </summary>
public sealed class UsyncFolderWriter
{
    /// <summary>The uSync version the hub's folder was written by.</summary>
    public const string DefaultVersion = "17.6.2.0";

    private readonly LanguageWriter _languages = new();
    private readonly DictionaryWriter _dictionary = new();
    private readonly DataTypeWriter _dataTypes = new();
    private readonly ContentTypeWriter _contentTypes = new();
    private readonly FormWriter _forms = new();

    /// <summary>The marker file, <c>&lt;uSync version="…" format="10.7.0" /&gt;</c>.</summary>
    public static byte[] Marker(string version = DefaultVersion) => UsyncXml.ToBytes(new XElement(
        "uSync",
        new XAttribute("version", version),
        new XAttribute("format", UsyncFolderReader.SupportedFormat)));

    /// <summary>The files the set gives, in memory, marker first, then by handler priority and path.</summary>
    public IReadOnlyList<UsyncOutputFile> Render(UsyncSet set, UsyncWriteOptions options)
    {
        var files = new List<UsyncOutputFile> { new(UsyncFolderReader.MarkerFile, null, Marker(options.Version)) };
        foreach (var handler in options.Handlers.DistinctBy(h => h.ItemType).OrderBy(h => h.Priority))
        {
            files.AddRange(handler.ItemType switch
            {
                UsyncItemType.Language => Render(_languages, set.Languages, l => (0, 0, l.IsoCode)),
                UsyncItemType.Dictionary => Render(_dictionary, set.Dictionary, d => (d.Level, 0, UsyncXml.Key(d.Key))),
                UsyncItemType.DataType => Render(_dataTypes, set.DataTypes, d => (d.Level, 0, UsyncXml.Key(d.Key))),
                UsyncItemType.ContentType => Render(_contentTypes, set.ContentTypes, c => (c.Level, 0, UsyncXml.Key(c.Key))),
                UsyncItemType.Content => Render(new ContentWriter(set.Content), set.Content, c => (c.Level, c.SortOrder, UsyncXml.Key(c.Key))),
                UsyncItemType.Form => Render(_forms, set.Forms, f => (0, 0, UsyncXml.Key(f.Key))),
                _ => [],
            });
        }

        return files;
    }

    /// <summary>
    /// Writes the set below <paramref name="folder"/> (created if need be). Files whose bytes are already on disk are
    /// left alone; with <see cref="UsyncWriteOptions.Clean"/>, stale <c>*.config</c> files under the written handlers'
    /// folders are deleted.
    /// </summary>
    public UsyncWriteResult Write(UsyncSet set, string folder, UsyncWriteOptions options) => WriteFiles(Render(set, options), folder, options);

    /// <summary>Writes files already rendered (by this writer, here or on a site) as <see cref="Write"/> does.</summary>
    public UsyncWriteResult WriteFiles(IReadOnlyList<UsyncOutputFile> files, string folder, UsyncWriteOptions options)
    {
        var written = new List<string>();
        var unchanged = new List<string>();
        var deleted = new List<string>();

        foreach (var file in files)
        {
            (WriteFile(Path.Combine(folder, file.Path), file.Bytes) ? written : unchanged).Add(file.Path);
        }

        if (options.Clean)
        {
            var produced = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
            var handlers = options.Handlers.DistinctBy(h => h.ItemType).ToList();
            foreach (var (_, path) in UsyncFolderReader.ListFiles(folder, handlers))
            {
                if (!produced.Contains(path))
                {
                    File.Delete(Path.Combine(folder, path));
                    deleted.Add(path);
                }
            }
        }

        return new UsyncWriteResult(written, unchanged, deleted);
    }

    /// <summary>
    /// Writes one file, unless it already holds these bytes (then returns false), through a temporary file beside it, so
    /// that a reader sees the old bytes or the new, never half.
    /// </summary>
    public static bool WriteFile(string path, byte[] bytes)
    {
        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return true;
    }

    /// <summary>
    /// One handler's files. Items are named in a stable order (level, sort order, key); when a name is taken already
    /// (names are compared without case, as on Windows and macOS), uSync's <c>_</c> + short key suffix is added.
    /// </summary>
    private static List<UsyncOutputFile> Render<TItem>(UsyncItemWriter<TItem> writer, IEnumerable<TItem> items, Func<TItem, (int Level, int SortOrder, string Key)> order)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var files = new List<UsyncOutputFile>();
        foreach (var item in items.OrderBy(i => order(i).Level).ThenBy(i => order(i).SortOrder).ThenBy(i => order(i).Key, StringComparer.Ordinal))
        {
            var name = UsyncFileNames.AppSafe(writer.FileBaseName(item));
            if (!taken.Add(name))
            {
                name = $"{name}_{UsyncFileNames.ShortKey(KeyOf(item))}";
                taken.Add(name);
            }

            files.Add(new UsyncOutputFile($"{writer.Handler.Folder}/{name}{UsyncFileNames.Extension}", writer.Handler, writer.ToBytes(item), KeyOf(item)));
        }

        return files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
    }

    private static Guid KeyOf<TItem>(TItem item) => item switch
    {
        UsyncLanguage language => LanguageWriter.KeyOf(language.IsoCode),
        UsyncDictionaryItem dictionary => dictionary.Key,
        UsyncDataType dataType => dataType.Key,
        UsyncContentType contentType => contentType.Key,
        UsyncContent content => content.Key,
        UsyncForm form => form.Key,
        _ => Guid.Empty,
    };
}
