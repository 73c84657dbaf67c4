using System.Diagnostics;
using System.Text.Json;
using IcssiCms.Store.Reading;
using IcssiCms.Store.Storage;
using IcssiCms.Usync;
using IcssiCms.Usync.Mapping;
using IcssiCms.Usync.Model;
using IcssiCms.Usync.Validation;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace IcssiCms.Store.Importing;

/// <summary>
/// Imports a uSync v17 folder into the store as uSync does: handlers in priority order, parents before
/// children, only the items whose files changed since the last import. Before anything is written the whole
/// folder is read and validated; a set with any problem is refused whole, and the store keeps what it had.
/// </summary>
public sealed class UsyncImporter(HubDbContext db, ILogger<UsyncImporter> logger)
{
    private readonly UsyncFolderReader _reader = new();
    private readonly UsyncSetValidator _validator = new();

    /// <param name="folder">The uSync folder (the one holding <c>usync.config</c>).</param>
    /// <param name="groups">Which handler groups to import: "All", "Settings", "Content", or a list.</param>
    /// <param name="force">Import every item, changed or not (uSync's full import).</param>
    public async Task<ImportResult> ImportAsync(string folder, string groups = "All", bool force = false, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var handlers = UsyncHandlers.InGroups(groups);
        var itemTypes = handlers.Select(h => h.ItemType.ToString()).ToHashSet();

        var stored = await db.SyncFiles.AsNoTracking()
            .Where(f => itemTypes.Contains(f.ItemType))
            .ToDictionaryAsync(f => f.Path, f => f.Hash, StringComparer.Ordinal, cancellationToken);

        // Hashing alone (no parsing) tells whether anything changed; a forced or first import skips straight to reading.
        if (!force && stored.Count > 0 && Directory.Exists(folder))
        {
            var current = Fingerprint(folder, handlers);
            var unchangedFiles = current.Count == stored.Count && current.All(f => stored.GetValueOrDefault(f.Path) == f.Hash);
            if (unchangedFiles)
            {
                logger.LogInformation("uSync import: {Files} files unchanged since the last import ({Elapsed} ms)", current.Count, clock.ElapsedMilliseconds);
                return new ImportResult(ImportOutcome.Unchanged, new ImportCounts(current.Count, 0, 0, 0, 0, 0), [], clock.Elapsed);
            }
        }

        // The whole folder is read and validated, whatever the groups: references cross handlers.
        var read = _reader.Read(folder);
        var readTime = clock.Elapsed;
        var problems = read.Problems.Concat(read.IsValid ? _validator.Validate(read.Set) : []).ToList();
        var validateTime = clock.Elapsed - readTime;
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                logger.LogError("uSync import refused: {File}:{Line}: {Problem}", problem.Source.File, problem.Source.Line, problem.Message);
            }

            logger.LogError("uSync import refused whole: {Count} problems in {Folder}; nothing was written", problems.Count, folder);
            return new ImportResult(ImportOutcome.Refused, new ImportCounts(read.Set.Files.Count, 0, 0, 0, 0, 0), problems, clock.Elapsed);
        }

        var changed = read.Set.Files
            .Where(f => force || stored.GetValueOrDefault(f.Path) != f.Hash)
            .Select(f => f.Path)
            .ToHashSet(StringComparer.Ordinal);

        var counts = await ApplyAsync(read.Set, handlers, changed, cancellationToken);
        logger.LogDebug("uSync import phases: read {Read} ms, validate {Validate} ms, write {Write} ms",
            (int)readTime.TotalMilliseconds, (int)validateTime.TotalMilliseconds, (int)(clock.Elapsed - readTime - validateTime).TotalMilliseconds);
        logger.LogInformation(
            "uSync import: {Files} files, {Changed} changed; wrote {Languages} languages, {Dictionary} dictionary items, {DataTypes} data types, {ContentTypes} document types, {Content} content nodes, {Forms} forms, deleted {Deleted} in {Elapsed} ms",
            counts.Files, changed.Count, counts.Languages, counts.Dictionary, counts.DataTypes, counts.ContentTypes, counts.Content, counts.Forms, counts.Deleted, clock.ElapsedMilliseconds);
        return new ImportResult(ImportOutcome.Imported, counts, [], clock.Elapsed);
    }

    /// <summary>
    /// Writes the items of exactly these files (and applies every delete marker), after reading and validating the
    /// whole folder: what <c>usync apply</c> does with a plan. Same write path and transaction as <see cref="ImportAsync"/>.
    /// </summary>
    public async Task<ImportResult> ImportFilesAsync(string folder, IReadOnlySet<string> files, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var read = _reader.Read(folder);
        var problems = read.Problems.Concat(read.IsValid ? _validator.Validate(read.Set) : []).ToList();
        if (problems.Count > 0)
        {
            return new ImportResult(ImportOutcome.Refused, new ImportCounts(read.Set.Files.Count, 0, 0, 0, 0, 0), problems, clock.Elapsed);
        }

        var counts = await ApplyAsync(read.Set, UsyncHandlers.All, files.ToHashSet(StringComparer.Ordinal), cancellationToken);
        return new ImportResult(ImportOutcome.Imported, counts, [], clock.Elapsed);
    }

    private static List<UsyncFile> Fingerprint(string folder, IReadOnlyList<UsyncHandler> handlers)
    {
        var files = UsyncFolderReader.ListFiles(folder, handlers);
        var hashed = new UsyncFile[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var (handler, path) = files[i];
            hashed[i] = new UsyncFile(path, handler.ItemType, UsyncFolderReader.HashOf(System.IO.File.ReadAllBytes(Path.Combine(folder, path))));
        });
        return [.. hashed];
    }

    private async Task<ImportCounts> ApplyAsync(UsyncSet set, IReadOnlyList<UsyncHandler> handlers, HashSet<string> changed, CancellationToken cancellationToken)
    {
        bool Imports(UsyncItemType type) => handlers.Any(h => h.ItemType == type);
        bool Changed(SourceLocation source) => changed.Contains(source.File);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = DateTime.UtcNow;

        var languages = Imports(UsyncItemType.Language) ? await WriteLanguagesAsync(set.Languages.Where(l => Changed(l.Source)), cancellationToken) : 0;
        var dataTypes = Imports(UsyncItemType.DataType) ? await WriteDataTypesAsync(set.DataTypes.Where(d => Changed(d.Source)), cancellationToken) : 0;
        var contentTypes = Imports(UsyncItemType.ContentType) ? await WriteContentTypesAsync(set.ContentTypes.Where(c => Changed(c.Source)), cancellationToken) : 0;
        var dictionary = Imports(UsyncItemType.Dictionary) ? await WriteDictionaryAsync(set.Dictionary.Where(d => Changed(d.Source)), cancellationToken) : 0;
        var forms = Imports(UsyncItemType.Form) ? await WriteFormsAsync(set.Forms.Where(f => Changed(f.Source)), cancellationToken) : 0;
        await db.SaveChangesAsync(cancellationToken);

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var sqliteTransaction = (SqliteTransaction)transaction.GetDbTransaction();
        var storeWasEmpty = !await db.ContentNodes.AnyAsync(cancellationToken);
        var content = Imports(UsyncItemType.Content) ? WriteContent(set, changed, connection, sqliteTransaction, storeWasEmpty, now) : 0;
        var deleted = await DeleteAsync(set.Deletes.Where(d => Imports(d.ItemType)), cancellationToken);

        if (content > 0 || deleted > 0)
        {
            await UpdateRoutesAsync(set, connection, sqliteTransaction, cancellationToken);
        }

        await RecordFilesAsync(set.Files.Where(f => Imports(f.ItemType)), handlers, connection, sqliteTransaction, cancellationToken);
        await StoreRevision.BumpAsync(connection, sqliteTransaction, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();

        return new ImportCounts(set.Files.Count, languages, dataTypes, contentTypes, content, deleted, dictionary, forms);
    }

    private async Task<int> WriteDictionaryAsync(IEnumerable<UsyncDictionaryItem> items, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var item in items.OrderBy(d => d.Level))
        {
            var stored = await FindOrAddAsync(db.DictionaryItems, item.Key, d => d.ItemKey == item.Alias,
                () => new StoredDictionaryItem { Key = item.Key, ItemKey = item.Alias, Translations = "{}" },
                cancellationToken);
            stored.ItemKey = item.Alias;
            stored.ParentItemKey = item.ParentAlias;
            stored.Level = item.Level;
            stored.Translations = JsonSerializer.Serialize(item.Translations);
            count++;
        }

        return count;
    }

    /// <summary>A form is stored whole, as the JSON of its model (<see cref="StoreFormReader"/> reads it back).</summary>
    private async Task<int> WriteFormsAsync(IEnumerable<UsyncForm> forms, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var form in forms)
        {
            var stored = await FindOrAddAsync(db.Forms, form.Key, f => f.Alias == form.Alias,
                () => new StoredForm { Key = form.Key, Alias = form.Alias, Name = form.Name, Definition = "{}" },
                cancellationToken);
            stored.Alias = form.Alias;
            stored.Name = form.Name;
            stored.Definition = StoreFormReader.Serialize(form);
            count++;
        }

        return count;
    }

    private async Task<int> WriteLanguagesAsync(IEnumerable<UsyncLanguage> languages, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var language in languages)
        {
            var stored = await db.Languages.FindAsync([language.IsoCode], cancellationToken);
            if (stored is null)
            {
                stored = new StoredLanguage { IsoCode = language.IsoCode, Name = language.Name };
                db.Languages.Add(stored);
            }

            stored.Name = language.Name;
            stored.IsDefault = language.IsDefault;
            stored.IsMandatory = language.IsMandatory;
            stored.Fallback = language.Fallback;
            count++;
        }

        return count;
    }

    private async Task<int> WriteDataTypesAsync(IEnumerable<UsyncDataType> dataTypes, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var dataType in dataTypes.OrderBy(d => d.Level))
        {
            var stored = await FindOrAddAsync(db.DataTypes, dataType.Key, d => d.Name == dataType.Name,
                () => new StoredDataType { Key = dataType.Key, Name = dataType.Name, EditorAlias = dataType.EditorAlias, EditorUiAlias = dataType.EditorUiAlias, ConfigJson = dataType.ConfigJson },
                cancellationToken);
            stored.Name = dataType.Name;
            stored.Level = dataType.Level;
            stored.EditorAlias = dataType.EditorAlias;
            stored.EditorUiAlias = dataType.EditorUiAlias;
            stored.ConfigJson = dataType.ConfigJson;
            stored.Folder = dataType.Folder;
            count++;
        }

        return count;
    }

    private async Task<int> WriteContentTypesAsync(IEnumerable<UsyncContentType> contentTypes, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var type in contentTypes.OrderBy(c => c.Level))
        {
            var stored = await FindOrAddAsync(db.ContentTypes, type.Key, c => c.Alias == type.Alias,
                () => new StoredContentType { Key = type.Key, Alias = type.Alias, Name = type.Name },
                cancellationToken);
            if (!string.Equals(stored.Alias, type.Alias, StringComparison.Ordinal) && stored.Alias.Length > 0)
            {
                // A renamed document type keeps its content: nodes name their type by alias here, so they follow it.
                var oldAlias = stored.Alias;
                await db.ContentNodes.Where(n => n.ContentTypeAlias == oldAlias)
                    .ExecuteUpdateAsync(u => u.SetProperty(n => n.ContentTypeAlias, type.Alias), cancellationToken);
            }

            stored.Alias = type.Alias;
            stored.Name = type.Name;
            stored.Level = type.Level;
            stored.Icon = type.Icon;
            stored.Description = type.Description;
            stored.AllowAtRoot = type.AllowAtRoot;
            stored.Variations = (int)type.Variations;
            stored.IsElement = type.IsElement;
            stored.Folder = type.Folder;
            stored.Compositions = type.Compositions.Select(Reference).ToList();
            stored.AllowedChildren = type.AllowedChildren.Select(Reference).ToList();
            stored.Tabs = type.Tabs.Select(t => new StoredTab { Key = t.Key, Alias = t.Alias, Caption = t.Caption, Type = t.Type, SortOrder = t.SortOrder }).ToList();
            stored.Properties = type.Properties.Select(p => new StoredPropertyType
            {
                Key = p.Key, Alias = p.Alias, Name = p.Name, DataTypeKey = p.DataTypeKey, EditorAlias = p.EditorAlias,
                Mandatory = p.Mandatory, MandatoryMessage = p.MandatoryMessage, Validation = p.Validation,
                ValidationMessage = p.ValidationMessage, Description = p.Description, SortOrder = p.SortOrder,
                TabAlias = p.TabAlias, Variations = (int)p.Variations, LabelOnTop = p.LabelOnTop,
            }).ToList();
            count++;
        }

        return count;

        static StoredReference Reference(UsyncReference r) => new() { Key = r.Key, Alias = r.Alias, SortOrder = r.SortOrder };
    }

    /// <summary>
    /// Finds an item as uSync does: by key first, then by alias. An item found by alias under another key gives
    /// way to the file's, so that the file's key wins; an item found by neither is added.
    /// </summary>
    private static async Task<T> FindOrAddAsync<T>(
        DbSet<T> items, Guid key, System.Linq.Expressions.Expression<Func<T, bool>> byAlias, Func<T> create, CancellationToken cancellationToken)
        where T : class
    {
        if (await items.FindAsync([key], cancellationToken) is { } stored)
        {
            return stored;
        }

        if (await items.FirstOrDefaultAsync(byAlias, cancellationToken) is { } underOtherKey)
        {
            items.Remove(underOtherKey);
        }

        var created = create();
        items.Add(created);
        return created;
    }

    private static int WriteContent(
        UsyncSet set, HashSet<string> changed, SqliteConnection connection, SqliteTransaction transaction, bool storeWasEmpty, DateTime now)
    {
        var types = set.ContentTypes.ToDictionary(t => t.Alias, StringComparer.OrdinalIgnoreCase);
        var byKey = set.Content.ToDictionary(c => c.Key);
        var paths = new Dictionary<Guid, string>();

        string PathOf(UsyncContent node)
        {
            if (!paths.TryGetValue(node.Key, out var path))
            {
                path = node.IsRoot ? node.Key.ToString() : $"{PathOf(byKey[node.ParentKey])},{node.Key}";
                paths[node.Key] = path;
            }

            return path;
        }

        // Routes are worked out from the set as the rows are written; UpdateRoutesAsync then only mends what the store adds.
        var routes = ContentRouteBuilder.Build(RouteRows(set, types), set.Languages.FirstOrDefault(l => l.IsDefault)?.IsoCode ?? string.Empty)
            .GroupBy(r => r.Key.Node)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, string?>)g.ToDictionary(r => r.Key.Culture, r => r.Value, StringComparer.OrdinalIgnoreCase));

        using var writer = new ContentWriter(connection, transaction, storeWasEmpty);
        var count = 0;
        // Parents before children matters to Umbraco's services, not to one SQLite transaction with no parent
        // constraint; rows in key order are what SQLite's indexes take fastest (half the time of tree order).
        foreach (var node in set.Content.Where(c => changed.Contains(c.Source.File)).OrderBy(c => c.Key.ToString(), StringComparer.Ordinal))
        {
            var type = types[node.ContentTypeAlias];
            writer.Write(node, PathOf(node), type.VariesByCulture, routes.GetValueOrDefault(node.Key) ?? new Dictionary<string, string?>(), now);
            count++;
        }

        // A moved node's descendants keep their files, so they are not rewritten above; their paths move with it.
        var unchanged = set.Content.Where(c => !changed.Contains(c.Source.File)).ToList();
        if (unchanged.Count == 0)
        {
            return count;
        }

        var storedPaths = StoredPaths(connection, transaction);
        using var movePath = connection.CreateCommand();
        movePath.Transaction = transaction;
        movePath.CommandText = "UPDATE ContentNode SET Path = $path WHERE Key = $key";
        var pathParameter = movePath.Parameters.Add(new SqliteParameter { ParameterName = "$path" });
        var keyParameter = movePath.Parameters.Add(new SqliteParameter { ParameterName = "$key" });
        foreach (var node in unchanged.Where(n => storedPaths.TryGetValue(n.Key.ToString(), out var stored) && stored != PathOf(n)))
        {
            pathParameter.Value = PathOf(node);
            keyParameter.Value = node.Key.ToString();
            movePath.ExecuteNonQuery();
        }

        return count;
    }

    private static Dictionary<string, string> StoredPaths(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT Key, Path FROM ContentNode";
        using var rows = read.ExecuteReader();
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        while (rows.Read())
        {
            paths[rows.GetString(0)] = rows.GetString(1);
        }

        return paths;
    }

    private static List<ContentRouteBuilder.NodeCulture> RouteRows(UsyncSet set, IReadOnlyDictionary<string, UsyncContentType> types) =>
        set.Content.Where(c => !c.Trashed).SelectMany(node =>
        {
            var parent = node.IsRoot ? (Guid?)null : node.ParentKey;
            return types[node.ContentTypeAlias].VariesByCulture
                ? node.CultureNames.Select(c => new ContentRouteBuilder.NodeCulture(
                    node.Key, parent, node.Level, node.SortOrder, c.Key, UmbracoStrings.UrlSegment(c.Value, c.Key), node.IsPublishedIn(c.Key)))
                : [new ContentRouteBuilder.NodeCulture(node.Key, parent, node.Level, node.SortOrder, string.Empty, UmbracoStrings.UrlSegment(node.Name), node.PublishedDefault)];
        }).ToList();

    private async Task<int> DeleteAsync(IEnumerable<UsyncDelete> deletes, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var delete in deletes)
        {
            var key = delete.Key;
            count += delete.ItemType switch
            {
                UsyncItemType.Language => await db.Languages.Where(l => l.IsoCode == delete.Alias).ExecuteDeleteAsync(cancellationToken),
                UsyncItemType.DataType => await db.DataTypes.Where(d => d.Key == key || d.Name == delete.Alias).ExecuteDeleteAsync(cancellationToken),
                UsyncItemType.ContentType => await DeleteContentTypeAsync(key, delete.Alias, cancellationToken),
                UsyncItemType.Content => await DeleteContentAsync(db.ContentNodes.Where(n => n.Key == key), cancellationToken),
                UsyncItemType.Dictionary => await db.DictionaryItems.Where(d => d.Key == key || d.ItemKey == delete.Alias).ExecuteDeleteAsync(cancellationToken),
                UsyncItemType.Form => await db.Forms.Where(f => f.Key == key || f.Alias == delete.Alias).ExecuteDeleteAsync(cancellationToken),
                _ => 0,
            };
        }

        return count;
    }

    /// <summary>As in Umbraco, deleting a document type deletes the content made with it.</summary>
    private async Task<int> DeleteContentTypeAsync(Guid key, string alias, CancellationToken cancellationToken)
    {
        var type = await db.ContentTypes.AsNoTracking().FirstOrDefaultAsync(c => c.Key == key || c.Alias == alias, cancellationToken);
        if (type is null)
        {
            return 0;
        }

        await DeleteContentAsync(db.ContentNodes.Where(n => n.ContentTypeAlias == type.Alias), cancellationToken);
        return await db.ContentTypes.Where(c => c.Key == type.Key).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Deletes nodes with their descendants, cultures and values.</summary>
    private async Task<int> DeleteContentAsync(IQueryable<ContentNode> nodes, CancellationToken cancellationToken)
    {
        var paths = await nodes.Select(n => n.Path).ToListAsync(cancellationToken);
        var count = 0;
        foreach (var path in paths)
        {
            var doomed = db.ContentNodes.Where(n => n.Path == path || n.Path.StartsWith(path + ","));
            await db.ContentCultures.Where(c => doomed.Any(n => n.Key == c.NodeKey)).ExecuteDeleteAsync(cancellationToken);
            await db.PropertyValues.Where(v => doomed.Any(n => n.Key == v.NodeKey)).ExecuteDeleteAsync(cancellationToken);
            count += await doomed.ExecuteDeleteAsync(cancellationToken);
        }

        return count;
    }

    private async Task UpdateRoutesAsync(UsyncSet set, SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var defaultCulture = set.Languages.FirstOrDefault(l => l.IsDefault)?.IsoCode
            ?? await db.Languages.Where(l => l.IsDefault).Select(l => l.IsoCode).FirstOrDefaultAsync(cancellationToken)
            ?? string.Empty;
        var rows = await (
            from culture in db.ContentCultures
            join node in db.ContentNodes on culture.NodeKey equals node.Key
            where !node.Trashed
            select new { node.Key, node.ParentKey, node.Level, node.SortOrder, culture.Culture, culture.UrlSegment, culture.Published, culture.Route })
            .AsNoTracking()
            .ToListAsync(cancellationToken);

        var routes = ContentRouteBuilder.Build(
            rows.Select(r => new ContentRouteBuilder.NodeCulture(r.Key, r.ParentKey, r.Level, r.SortOrder, r.Culture, r.UrlSegment, r.Published)).ToList(),
            defaultCulture);

        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = "UPDATE ContentCulture SET Route = $route WHERE NodeKey = $key AND Culture = $culture";
        var route = update.Parameters.Add(new SqliteParameter { ParameterName = "$route" });
        var key = update.Parameters.Add(new SqliteParameter { ParameterName = "$key" });
        var cultureParameter = update.Parameters.Add(new SqliteParameter { ParameterName = "$culture" });
        foreach (var row in rows)
        {
            var computed = routes.GetValueOrDefault((row.Key, row.Culture));
            if (computed != row.Route)
            {
                route.Value = (object?)computed ?? DBNull.Value;
                key.Value = row.Key.ToString();
                cultureParameter.Value = row.Culture;
                await update.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    private async Task RecordFilesAsync(
        IEnumerable<UsyncFile> files, IReadOnlyList<UsyncHandler> handlers, SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var itemTypes = handlers.Select(h => h.ItemType.ToString()).ToList();
        await db.SyncFiles.Where(f => itemTypes.Contains(f.ItemType)).ExecuteDeleteAsync(cancellationToken);

        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO SyncFile (Path, ItemType, Hash) VALUES ($path, $type, $hash)";
        var path = insert.Parameters.Add(new SqliteParameter { ParameterName = "$path" });
        var type = insert.Parameters.Add(new SqliteParameter { ParameterName = "$type" });
        var hash = insert.Parameters.Add(new SqliteParameter { ParameterName = "$hash" });
        foreach (var file in files)
        {
            path.Value = file.Path;
            type.Value = file.ItemType.ToString();
            hash.Value = file.Hash;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
