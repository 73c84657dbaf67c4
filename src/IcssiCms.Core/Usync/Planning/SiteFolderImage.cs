using IcssiCms.Core.Usync.Exporting;
using IcssiCms.Core.Usync.Handlers;
using IcssiCms.Usync;
using IcssiCms.Usync.Model;
using IcssiCms.Usync.Writing;
using Microsoft.Extensions.Logging;
using Umbraco.Cms.Core.Cache;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Notifications;
using Umbraco.Cms.Core.Services.Changes;
using Umbraco.Cms.Core.Sync;
using Umbraco.Cms.Infrastructure.Scoping;

namespace IcssiCms.Core.Usync.Planning;

/// <summary>
/// The site as a uSync folder, as a plan compares it: every item as an export writes it, read back as an import reads
/// the file, and found by the hash of the file's bytes (<see cref="Held"/>), so that a folder whose file is exactly
/// what the site would write needs no sending and no comparing. The schema (a few hundred items at most) is read afresh
/// each time; the content, thousands of items, is kept between plans and read again only where Umbraco's cache
/// refreshers said it changed: an item and what is below it (its file names its parent and its path), or all of it
/// after a change to a data type or a language, or a document type change that Umbraco says alters existing content
/// (an alias, a property removed, a variation). Every server of a load-balanced site hears those
/// refreshers; <see cref="IServerMessenger.Sync"/> first handles any it has not yet, so a plan on one server sees
/// what another wrote.
/// </summary>
public sealed class SiteFolderImage(
    UsyncExporter exporter,
    IEnumerable<IUsyncItemHandler> handlers,
    IServerMessenger messenger,
    IScopeProvider scopes,
    ILogger<SiteFolderImage> logger)
    : INotificationHandler<ContentCacheRefresherNotification>,
        INotificationHandler<ContentTypeCacheRefresherNotification>,
        INotificationHandler<DataTypeCacheRefresherNotification>,
        INotificationHandler<LanguageCacheRefresherNotification>
{
    private readonly ContentHandler _contentHandler = handlers.OfType<ContentHandler>().Single();
    private readonly SemaphoreSlim _reading = new(1, 1);
    private readonly Lock _gate = new();

    // What changed since the content was last read: some items, or everything.
    private HashSet<Guid> _changed = [];
    private bool _stale = true;

    // The content by key, as exported and as its file reads back; touched only while _reading is held.
    private Dictionary<Guid, (UsyncContent Item, UsyncFileRead File)> _content = [];

    /// <summary>The site now: its items as a set, and its files by hash.</summary>
    public async Task<SiteFolder> ReadAsync(CancellationToken cancellationToken)
    {
        messenger.Sync();
        await _reading.WaitAsync(cancellationToken);
        try
        {
            HashSet<Guid> changed;
            bool stale;
            lock (_gate)
            {
                (changed, stale) = (_changed, _stale);
                (_changed, _stale) = ([], false);
            }

            try
            {
                using var scope = scopes.CreateScope(autoComplete: true);
                var schema = await exporter.ReadAsync(UsyncWriteOptions.Schema.Handlers, cancellationToken);
                if (stale)
                {
                    var all = (await _contentHandler.ExportAsync(UsyncSet.Empty, cancellationToken)).Content;
                    _content = ReadBack(all, all).ToDictionary(c => c.Item.Key);
                    logger.LogDebug("uSync plan: read the site's {Count} content items", _content.Count);
                }
                else if (changed.Count > 0)
                {
                    Refresh(changed);
                }

                return Snapshot(schema);
            }
            catch
            {
                lock (_gate)
                {
                    _stale = true;
                }

                throw;
            }
        }
        finally
        {
            _reading.Release();
        }
    }

    public void Handle(ContentCacheRefresherNotification notification)
    {
        if (notification.MessageObject is not ContentCacheRefresher.JsonPayload[] payloads || payloads.Any(p => p.ChangeTypes.HasFlag(TreeChangeTypes.RefreshAll) || p.Key is null))
        {
            MarkAllChanged();
            return;
        }

        lock (_gate)
        {
            _changed.UnionWith(payloads.Select(p => p.Key!.Value));
        }
    }

    public void Handle(ContentTypeCacheRefresherNotification notification)
    {
        // A change Umbraco calls "other" (a property added, a name, a description) leaves the stored content as it was.
        if (notification.MessageObject is not ContentTypeCacheRefresher.JsonPayload[] payloads
            || payloads.Any(p => p.ChangeTypes.HasFlag(ContentTypeChangeTypes.RefreshMain) || p.ChangeTypes.HasFlag(ContentTypeChangeTypes.Remove)))
        {
            MarkAllChanged();
        }
    }

    public void Handle(DataTypeCacheRefresherNotification notification) => MarkAllChanged();

    public void Handle(LanguageCacheRefresherNotification notification) => MarkAllChanged();

    private void MarkAllChanged()
    {
        lock (_gate)
        {
            _stale = true;
        }
    }

    /// <summary>Reads the changed items again, and writes again what is below them (its files name their parents and paths).</summary>
    private void Refresh(HashSet<Guid> changed)
    {
        var children = _content.Values.ToLookup(c => c.Item.ParentKey, c => c.Item.Key);
        var affected = new HashSet<Guid>();
        var pending = new Stack<Guid>(changed);
        while (pending.TryPop(out var key))
        {
            if (affected.Add(key))
            {
                foreach (var child in children[key])
                {
                    pending.Push(child);
                }
            }
        }

        // Read again from Umbraco: an item moved or binned with its branch changes below it too.
        var fresh = _contentHandler.Export(affected).ToDictionary(c => c.Key);
        foreach (var key in affected.Where(k => !fresh.ContainsKey(k)))
        {
            _content.Remove(key);
        }

        var tree = _content.Values.Select(c => c.Item).Where(c => !fresh.ContainsKey(c.Key)).Concat(fresh.Values).ToList();
        foreach (var read in ReadBack(fresh.Values.ToList(), tree))
        {
            _content[read.Item.Key] = read;
        }

        logger.LogDebug("uSync plan: read {Count} changed content items again", fresh.Count);
    }

    /// <summary>Each item's file as an export writes it (in the tree given), read back as an import reads it.</summary>
    private static (UsyncContent Item, UsyncFileRead File)[] ReadBack(IReadOnlyList<UsyncContent> items, IReadOnlyList<UsyncContent> tree)
    {
        var writer = new ContentWriter(tree);
        var reader = new UsyncFolderReader();
        var reads = new (UsyncContent, UsyncFileRead)[items.Count];
        Parallel.For(0, items.Count, i => reads[i] = (items[i], reader.ReadFile(UsyncHandlers.Content, PathOf(items[i].Key), writer.ToBytes(items[i]))));
        return reads;
    }

    private SiteFolder Snapshot(UsyncSet schema)
    {
        var reader = new UsyncFolderReader();
        var held = new Dictionary<string, UsyncFileRead>(StringComparer.Ordinal);
        foreach (var file in new UsyncFolderWriter().Render(schema, UsyncWriteOptions.Schema).Where(f => f.Handler is not null))
        {
            var read = reader.ReadFile(file.Handler!, file.Path, file.Bytes);
            held.TryAdd(read.File.Hash, read);
        }

        foreach (var (_, read) in _content.Values)
        {
            held.TryAdd(read.File.Hash, read);
        }

        var content = _content.Values.Select(c => c.Item).ToList();
        return new SiteFolder(schema with { Content = content }, held);
    }

    private static string PathOf(Guid key) => $"{UsyncHandlers.Content.Folder}/{key:N}{UsyncFileNames.Extension}";
}

/// <summary>The site as a set of uSync items, and as files by hash (each read back as an import reads it).</summary>
public sealed record SiteFolder(UsyncSet Set, IReadOnlyDictionary<string, UsyncFileRead> Files)
{
    /// <summary>The site's own file with these bytes (by their hash), or null when it has none.</summary>
    public UsyncFileRead? Held(string hash) => Files.GetValueOrDefault(hash);
}
