using System.Xml;
using System.Xml.Linq;
using IcssiCms.Core.Usync.Importing;
using IcssiCms.Usync;
using IcssiCms.Usync.Model;
using IcssiCms.Usync.Writing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IcssiCms.Core.Usync.Exporting;

/// <summary>
/// uSync's <c>ExportOnSave</c>: when <c>uSync:Settings:ExportOnSave</c> names an item's group ("Settings", "Content" or
/// "All"), a change saved in Umbraco writes the item's file in <c>RootFolder</c> exactly as a full export writes it,
/// through a temporary file moved over the old one, and its descendants' too (their files name their ancestors). A
/// renamed item's old file becomes uSync's <c>&lt;Empty Change="Rename"&gt;</c> marker, which imports ignore; an item
/// whose file name another item now takes is written under its own new name; a deleted item's file becomes a
/// <c>Change="Delete"</c> marker. Nothing is written while an import runs. Failures are logged, not thrown: the change
/// is saved in Umbraco already.
/// </summary>
public sealed class UsyncExportOnSave(
    UsyncExporter exporter,
    IOptions<UsyncSettings> settings,
    IHostEnvironment environment,
    ILogger<UsyncExportOnSave> logger)
{
    /// <summary>One export at a time, each reading Umbraco afresh, so the last file written holds the latest state.</summary>
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The folder the files go to: <c>RootFolder</c> under the content root.</summary>
    public string Folder => Path.GetFullPath(settings.Value.RootFolder, environment.ContentRootPath);

    public bool Exports(UsyncHandler handler) =>
        !UsyncHandlers.IsOff(settings.Value.ExportOnSave) && UsyncHandlers.InGroups(settings.Value.ExportOnSave).Contains(handler);

    /// <summary>Writes the files of these items (and of their descendants, for content), when export on save includes them.</summary>
    public async Task WriteAsync(UsyncHandler handler, IReadOnlyCollection<Guid> keys, CancellationToken cancellationToken = default)
    {
        if (!Exports(handler) || keys.Count == 0 || UsyncImporter.IsImporting)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var set = await exporter.ReadAsync([handler], cancellationToken);
            var rendered = new UsyncFolderWriter().Render(set, new UsyncWriteOptions([handler]))
                .Where(f => f.Key is not null)
                .ToDictionary(f => f.Key!.Value);
            var onDisk = FilesOnDisk(handler);

            // Another item may now have the name an item's file has: that item is then written where it now belongs too.
            var queue = new Queue<Guid>(WithDescendants(set, keys));
            var queued = queue.ToHashSet();
            var written = new HashSet<string>(StringComparer.Ordinal);
            while (queue.TryDequeue(out var key))
            {
                if (!rendered.TryGetValue(key, out var file))
                {
                    continue;
                }

                if (onDisk.TryGetValue(file.Path, out var holder) && holder.Key != key && queued.Add(holder.Key))
                {
                    queue.Enqueue(holder.Key);
                }

                WriteAtomically(file.Path, file.Bytes);
                onDisk[file.Path] = (key, string.Empty);
                written.Add(file.Path);
                foreach (var (oldPath, old) in onDisk.Where(f => f.Value.Key == key && f.Key != file.Path && !written.Contains(f.Key)).ToList())
                {
                    WriteAtomically(oldPath, Marker(key, old.Alias, "Rename"));
                    onDisk.Remove(oldPath);
                }

                logger.LogInformation("uSync export on save wrote {Path}", file.Path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or XmlException)
        {
            logger.LogError(ex, "uSync export on save could not write {Count} {Handler} files to {Folder}", keys.Count, handler.Folder, Folder);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Marks deleted items in the folder: each file holding one becomes uSync's <c>&lt;Empty Change="Delete"&gt;</c> marker.</summary>
    public async Task DeletedAsync(UsyncHandler handler, IReadOnlyCollection<Guid> keys, CancellationToken cancellationToken = default)
    {
        if (!Exports(handler) || keys.Count == 0 || UsyncImporter.IsImporting)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var (path, item) in FilesOnDisk(handler).Where(f => keys.Contains(f.Value.Key)))
            {
                WriteAtomically(path, Marker(item.Key, item.Alias, "Delete"));
                logger.LogInformation("uSync export on save marked {Path} deleted", path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or XmlException)
        {
            logger.LogError(ex, "uSync export on save could not mark {Count} deleted {Handler} items in {Folder}", keys.Count, handler.Folder, Folder);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static IEnumerable<Guid> WithDescendants(UsyncSet set, IReadOnlyCollection<Guid> keys)
    {
        var children = set.Content.ToLookup(c => c.ParentKey, c => c.Key);
        var seen = new HashSet<Guid>();
        var pending = new Stack<Guid>(keys);
        while (pending.TryPop(out var key))
        {
            if (seen.Add(key))
            {
                yield return key;
                foreach (var child in children[key])
                {
                    pending.Push(child);
                }
            }
        }
    }

    /// <summary>uSync's <c>&lt;Empty Key Alias Change /&gt;</c> file.</summary>
    private static byte[] Marker(Guid key, string alias, string change) => UsyncXml.ToBytes(new XElement(
        "Empty", new XAttribute("Key", UsyncXml.Key(key)), new XAttribute("Alias", alias), new XAttribute("Change", change)));

    /// <summary>The handler's item files in the folder (relative paths with '/'), with the key and alias each holds; markers left out.</summary>
    private Dictionary<string, (Guid Key, string Alias)> FilesOnDisk(UsyncHandler handler)
    {
        var files = new Dictionary<string, (Guid, string)>(StringComparer.Ordinal);
        foreach (var (_, path) in UsyncFolderReader.ListFiles(Folder, [handler]))
        {
            using var reader = XmlReader.Create(Path.Combine(Folder, path), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            if (reader.MoveToContent() == XmlNodeType.Element
                && reader.LocalName == handler.ElementName
                && Guid.TryParse(reader.GetAttribute("Key"), out var key))
            {
                files[path] = (key, reader.GetAttribute("Alias") ?? string.Empty);
            }
        }

        return files;
    }

    private void WriteAtomically(string relativePath, byte[] bytes) => UsyncFolderWriter.WriteFile(Path.Combine(Folder, relativePath), bytes);
}
