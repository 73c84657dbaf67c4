using IcssiCms.Core.Usync;
using System.Xml;
using System.Xml.Linq;
using IcssiCms.Store.Reading;
using IcssiCms.Store.Storage;
using IcssiCms.Usync;
using IcssiCms.Usync.Model;
using IcssiCms.Usync.Writing;
using Microsoft.Extensions.Options;

namespace IcssiCms.EmbeddedHost.Usync;

/// <summary>
/// uSync's <c>ExportOnSave</c> for content: when <c>uSync:Settings:ExportOnSave</c> names the Content group ("Content"
/// or "All"), every item the back office changes has its file in <c>&lt;RootFolder&gt;/Content/</c> written as
/// <c>usync export --content</c> writes it (the same name and bytes, draft values), through a temporary file moved over
/// the old one. An item in the recycle bin is written as uSync writes trashed items, with <c>&lt;Trashed&gt;true</c>
/// (the export leaves such items out), under the name its file already has. A renamed item's old file becomes uSync's
/// <c>&lt;Empty Change="Rename"&gt;</c> marker, which imports ignore, so the folder never holds one key twice; an item
/// whose file another item's name takes over is written again under its own new name; a deleted item's file becomes a
/// <c>Change="Delete"</c> marker.
/// Failures are logged, not thrown: the change is in the store already.
/// </summary>
internal sealed class ContentExportOnSave(
    IServiceScopeFactory scopes,
    IOptions<UsyncSettings> settings,
    IHostEnvironment environment,
    ILogger<ContentExportOnSave> logger)
{
    /// <summary>One export at a time, each reading the store afresh, so the last file written holds the latest state.</summary>
    private readonly SemaphoreSlim _gate = new(1, 1);

    public bool Enabled =>
        !UsyncHandlers.IsOff(settings.Value.ExportOnSave) && UsyncHandlers.InGroups(settings.Value.ExportOnSave).Contains(UsyncHandlers.Content);

    /// <summary>The folder the files go to: <c>RootFolder</c> under the content root.</summary>
    public string Folder => Path.GetFullPath(settings.Value.RootFolder, environment.ContentRootPath);

    /// <summary>Writes the items' content files, when export on save includes content; nothing otherwise.</summary>
    public async Task ExportAsync(IReadOnlyCollection<Guid> keys, CancellationToken cancellationToken)
    {
        if (!Enabled || keys.Count == 0)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var store = await new StoreSetReader(scope.ServiceProvider.GetRequiredService<HubDbContext>()).ReadAsync(includeTrashed: true, cancellationToken);
            var everything = store.ToSet(ContentVersion.Draft);
            var exported = everything with { Content = everything.Content.Where(c => !c.Trashed).ToList() };
            var rendered = new UsyncFolderWriter().Render(exported, new UsyncWriteOptions([UsyncHandlers.Content]))
                .Where(f => f.Key is not null)
                .ToDictionary(f => f.Key!.Value);
            var onDisk = FilesOnDisk();
            var writer = new ContentWriter(everything.Content);

            // An item can take the name another item's file has (a new or renamed item earlier in the export's order
            // gets the plain name, the other the key suffix): that other item is then written where it now belongs too.
            var queue = new Queue<Guid>(keys.Distinct());
            var queued = queue.ToHashSet();
            var written = new HashSet<string>(StringComparer.Ordinal);
            while (queue.TryDequeue(out var key))
            {
                var item = everything.Content.FirstOrDefault(c => c.Key == key);
                if (item is null)
                {
                    continue;
                }

                var path = rendered.TryGetValue(key, out var file) ? file.Path : TrashedPath(item, writer, onDisk, rendered.Values);
                if (onDisk.TryGetValue(path, out var holder) && holder != key && queued.Add(holder))
                {
                    queue.Enqueue(holder);
                }

                WriteAtomically(path, file?.Bytes ?? writer.ToBytes(item));
                onDisk[path] = key;
                written.Add(path);
                foreach (var oldPath in onDisk.Where(f => f.Value == key && f.Key != path && !written.Contains(f.Key)).Select(f => f.Key).ToList())
                {
                    WriteAtomically(oldPath, Marker(key, item.Name, "Rename"));
                    onDisk.Remove(oldPath);
                }

                logger.LogInformation("uSync export on save wrote {Path} for content {Key}", path, key);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or XmlException)
        {
            logger.LogError(ex, "uSync export on save could not write the content files of {Count} items to {Folder}", keys.Count, Folder);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Marks deleted items in the folder, when export on save includes content: each file holding one becomes uSync's
    /// <c>&lt;Empty Change="Delete"&gt;</c> marker, so that an import of the folder deletes the item too.
    /// </summary>
    public async Task DeletedAsync(IReadOnlyCollection<(Guid Key, string Name)> items, CancellationToken cancellationToken)
    {
        if (!Enabled || items.Count == 0)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var onDisk = FilesOnDisk();
            foreach (var (key, name) in items)
            {
                foreach (var (path, _) in onDisk.Where(f => f.Value == key))
                {
                    WriteAtomically(path, Marker(key, name, "Delete"));
                    logger.LogInformation("uSync export on save marked {Path} deleted for content {Key}", path, key);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or XmlException)
        {
            logger.LogError(ex, "uSync export on save could not mark {Count} deleted items in {Folder}", items.Count, Folder);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>uSync's <c>&lt;Empty Key Alias Change /&gt;</c> file.</summary>
    private static byte[] Marker(Guid key, string alias, string change) => UsyncXml.ToBytes(new XElement(
        "Empty", new XAttribute("Key", UsyncXml.Key(key)), new XAttribute("Alias", alias), new XAttribute("Change", change)));

    /// <summary>
    /// Where a trashed item goes: the file that holds it already, or the name uSync would give it (with the short key
    /// after '_' when another item's file has that name).
    /// </summary>
    private static string TrashedPath(UsyncContent item, ContentWriter writer, IReadOnlyDictionary<string, Guid> onDisk, IEnumerable<UsyncOutputFile> rendered)
    {
        var existing = onDisk.FirstOrDefault(f => f.Value == item.Key).Key;
        if (existing is not null)
        {
            return existing;
        }

        var path = $"{UsyncHandlers.Content.Folder}/{UsyncFileNames.AppSafe(writer.FileBaseName(item))}{UsyncFileNames.Extension}";
        var taken = onDisk.Keys.Concat(rendered.Select(f => f.Path)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return taken.Contains(path)
            ? $"{UsyncHandlers.Content.Folder}/{UsyncFileNames.AppSafe(writer.FileBaseName(item))}_{UsyncFileNames.ShortKey(item.Key)}{UsyncFileNames.Extension}"
            : path;
    }

    /// <summary>The content files in the folder (relative paths with '/') and the key of the item each holds; markers left out.</summary>
    private Dictionary<string, Guid> FilesOnDisk()
    {
        var files = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var content = Path.Combine(Folder, UsyncHandlers.Content.Folder);
        if (!Directory.Exists(content))
        {
            return files;
        }

        foreach (var file in Directory.EnumerateFiles(content, "*" + UsyncFileNames.Extension, SearchOption.AllDirectories))
        {
            using var reader = XmlReader.Create(file, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            if (reader.MoveToContent() == XmlNodeType.Element
                && reader.LocalName == UsyncHandlers.Content.ElementName
                && Guid.TryParse(reader.GetAttribute("Key"), out var key))
            {
                files[Path.GetRelativePath(Folder, file).Replace(Path.DirectorySeparatorChar, '/')] = key;
            }
        }

        return files;
    }

    private void WriteAtomically(string relativePath, byte[] bytes) => UsyncFolderWriter.WriteFile(Path.Combine(Folder, relativePath), bytes);
}
