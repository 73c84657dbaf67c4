using System.Diagnostics;
using Examine;
using Examine.Lucene;
using Examine.Lucene.Providers;
using IcssiCms.Core.Usync.Handlers;
using IcssiCms.Usync;
using IcssiCms.Usync.Model;
using IcssiCms.Usync.Validation;
using Microsoft.Extensions.Logging;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.HostedServices;
using Umbraco.Cms.Infrastructure;
using RepositoryCacheMode = Umbraco.Cms.Core.Scoping.RepositoryCacheMode;
using Umbraco.Cms.Infrastructure.Examine;
using Umbraco.Cms.Infrastructure.Models;
using Umbraco.Cms.Infrastructure.Scoping;

namespace IcssiCms.Core.Usync.Importing;

/// <summary>
/// Imports a uSync v17 folder into Umbraco, with uSync's semantics: handlers in priority order, only the items whose
/// files changed since the last import (their hashes are kept in the plugin's table), delete markers applied last. The
/// whole folder is read and validated before anything is written, and a folder with any problem is refused whole; the
/// writes happen in one Umbraco scope, so that Umbraco refusing an item rolls everything back. Content imported is
/// queryable in the Delivery API when this returns. A folder's import may write thousands of items: Umbraco's indexing
/// of each is suspended, the Delivery API's index is rebuilt at once, and Umbraco's other indexes (the back office's
/// search) are rebuilt in the background after it. A planned import writes what a plan lists: Umbraco indexes those
/// items itself, as it does an editor's (only the items written, and the content of a document type whose change
/// alters what is indexed), and the import waits until that is done.
/// </summary>
public sealed class UsyncImporter(
    IScopeProvider scopes,
    IEnumerable<IUsyncItemHandler> handlers,
    IIndexRebuilder indexRebuilder,
    IExamineManager examine,
    IBackgroundTaskQueue backgroundTasks,
    TimeProvider clock,
    ILogger<UsyncImporter> logger)
{
    private static readonly AsyncLocal<bool> Importing = new();

    private readonly IReadOnlyList<IUsyncItemHandler> _handlers = handlers.OrderBy(h => h.Handler.Priority).ToList();

    /// <summary>True inside an import: what it saves comes from the folder, and is not exported back to it on save.</summary>
    public static bool IsImporting => Importing.Value;

    /// <param name="folder">The uSync folder (the one holding <c>usync.config</c>).</param>
    /// <param name="groups">Which handler groups to import: "All", "Settings", "Content", "Forms", or a list.</param>
    /// <param name="force">Import every item, changed or not (uSync's full import).</param>
    public async Task<UsyncImportResult> ImportAsync(string folder, string groups = "All", bool force = false, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var active = UsyncHandlers.InGroups(groups);
        var itemTypes = active.Select(h => h.ItemType).ToHashSet();

        if (!force && Directory.Exists(folder) && IsUnchanged(folder, active, itemTypes))
        {
            logger.LogInformation("uSync import: the files are unchanged since the last import ({Elapsed} ms)", stopwatch.ElapsedMilliseconds);
            return Result(UsyncImportOutcome.Unchanged, 0, [], 0, [], stopwatch);
        }

        // The whole folder is read and checked, whatever the groups: references cross handlers.
        var read = UsyncFolderCheck.Read(folder);
        var problems = read.Problems;
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                logger.LogError("uSync import refused: {File}:{Line}: {Problem}", problem.Source.File, problem.Source.Line, problem.Message);
            }

            logger.LogError("uSync import refused whole: {Count} problems in {Folder}; nothing was written", problems.Count, folder);
            return Result(UsyncImportOutcome.Refused, read.Set.Files.Count, [], 0, problems, stopwatch);
        }

        return await WriteAsync(read.Set, itemTypes, stored => read.Set.Files
            .Where(f => itemTypes.Contains(f.ItemType) && (force || stored.GetValueOrDefault(f.Path) != f.Hash))
            .Select(f => f.Path)
            .ToHashSet(StringComparer.Ordinal), guard: null, bulk: true, stopwatch, cancellationToken);
    }

    /// <summary>
    /// Imports exactly <paramref name="files"/> of a set already read and checked (and applies its delete markers), as a
    /// planned change is applied: <paramref name="guard"/> runs first inside the import's scope, under its write locks, and
    /// any reason it gives refuses the import (<see cref="UsyncImportOutcome.Stale"/>) with nothing written.
    /// </summary>
    public async Task<UsyncImportResult> ImportPlannedAsync(
        UsyncSet set, IReadOnlySet<string> files, Func<CancellationToken, Task<IReadOnlyList<string>>> guard, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var delivery = examine.TryGetIndex(Constants.UmbracoIndexes.DeliveryApiContentIndexName, out var index) ? index as LuceneIndex : null;

        // Umbraco indexes in the background, and Examine writes in the background too: both are waited for here. Work
        // already queued (an index rebuild) is waited for first: on SQLite a read lock does not block a writer, and a
        // reader that loaded the old document type while this import committed would keep it in Umbraco's cache.
        using (delivery?.WithThreadingMode(IndexThreadingMode.Synchronous))
        {
            await BackgroundTasksDoneAsync(cancellationToken);
            var result = await WriteAsync(set, UsyncHandlers.All.Select(h => h.ItemType).ToHashSet(), _ => files, guard, bulk: false, stopwatch, cancellationToken);
            if (result.Outcome == UsyncImportOutcome.Imported)
            {
                var indexing = stopwatch.Elapsed;
                await BackgroundTasksDoneAsync(cancellationToken);
                delivery?.WaitForChanges();
                logger.LogDebug("uSync import: Umbraco indexed the planned changes in {Elapsed} ms", (int)(stopwatch.Elapsed - indexing).TotalMilliseconds);
            }

            return result;
        }
    }

    /// <summary>
    /// Waits until Umbraco's background task queue has run what is in it now (it runs one task at a time, in order); a
    /// queue that does not get there in ten minutes (a site stopping) is logged and not waited for longer.
    /// </summary>
    private async Task BackgroundTasksDoneAsync(CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        backgroundTasks.QueueBackgroundWorkItem(_ =>
        {
            done.TrySetResult();
            return Task.CompletedTask;
        });
        try
        {
            await done.Task.WaitAsync(TimeSpan.FromMinutes(10), cancellationToken);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("uSync import: Umbraco's background queue did not run in ten minutes; not waiting for it longer");
        }
    }

    private async Task<UsyncImportResult> WriteAsync(
        UsyncSet set,
        IReadOnlySet<UsyncItemType> itemTypes,
        Func<Dictionary<string, string>, IReadOnlySet<string>> filesToWrite,
        Func<CancellationToken, Task<IReadOnlyList<string>>>? guard,
        bool bulk,
        Stopwatch stopwatch,
        CancellationToken cancellationToken)
    {
        var written = new Dictionary<UsyncItemType, int>();
        var deleted = 0;
        var committing = TimeSpan.Zero;
        Importing.Value = true;

        // Umbraco would index each item as its scope's notifications are handled: a lot of work on a large import, which
        // the rebuilds after it redo anyway.
        if (bulk)
        {
            Suspendable.ExamineEvents.SuspendIndexers(logger);
        }

        try
        {
            using var scope = scopes.CreateScope(repositoryCacheMode: RepositoryCacheMode.Scoped);

            // One import at a time, across the servers of a load-balanced site: the second finds the files recorded.
            scope.EagerWriteLock(Constants.Locks.ContentTypes, Constants.Locks.ContentTree);
            if (guard is not null && await guard(cancellationToken) is { Count: > 0 } reasons)
            {
                logger.LogWarning("uSync import refused: {Count} planned items changed since the plan; nothing was written", reasons.Count);
                return Result(UsyncImportOutcome.Stale, set.Files.Count, [], 0, [], stopwatch) with { Reasons = reasons };
            }

            var stored = UsyncFileRecords.Read(scope.Database, itemTypes);
            var import = new UsyncImportContext(set, filesToWrite(stored));
            foreach (var handler in _handlers.Where(h => itemTypes.Contains(h.Handler.ItemType)))
            {
                var started = stopwatch.Elapsed;
                written[handler.Handler.ItemType] = await handler.ImportAsync(import, cancellationToken);
                logger.LogDebug("uSync import: {Handler} wrote {Count} items in {Elapsed} ms",
                    handler.Handler.Alias, written[handler.Handler.ItemType], (int)(stopwatch.Elapsed - started).TotalMilliseconds);
            }

            foreach (var handler in _handlers.Where(h => itemTypes.Contains(h.Handler.ItemType)).Reverse())
            {
                var deletes = set.Deletes.Where(d => d.ItemType == handler.Handler.ItemType).ToList();
                deleted += deletes.Count == 0 ? 0 : await handler.DeleteAsync(deletes, cancellationToken);
            }

            UsyncFileRecords.Replace(scope.Database, itemTypes, set.Files, clock.GetUtcNow().UtcDateTime);
            scope.Complete();
            committing = stopwatch.Elapsed;
        }
        catch (UsyncImportException ex)
        {
            logger.LogError("uSync import failed and was rolled back: {File}:{Line}: {Problem}", ex.Location.File, ex.Location.Line, ex.Problem);
            return Result(UsyncImportOutcome.Failed, set.Files.Count, [], 0, [new UsyncProblem(ex.Location, ex.Problem)], stopwatch);
        }
        finally
        {
            Importing.Value = false;
            if (bulk)
            {
                Suspendable.ExamineEvents.ResumeIndexers(new RebuildBesideDeliveryIndex(indexRebuilder, examine));
            }
        }

        logger.LogDebug("uSync import: committed, and Umbraco's notifications handled, in {Elapsed} ms", (int)(stopwatch.Elapsed - committing).TotalMilliseconds);
        if (bulk && (written.GetValueOrDefault(UsyncItemType.Content) > 0 || written.GetValueOrDefault(UsyncItemType.ContentType) > 0 || deleted > 0))
        {
            var indexing = stopwatch.Elapsed;
            await RefreshDeliveryIndexAsync();
            logger.LogDebug("uSync import: the Delivery API index rebuilt in {Elapsed} ms", (int)(stopwatch.Elapsed - indexing).TotalMilliseconds);
        }

        logger.LogInformation(
            "uSync import: {Files} files; wrote {Languages} languages, {Dictionary} dictionary items, {DataTypes} data types, {ContentTypes} document types, {Content} content items, {Forms} forms; deleted {Deleted}; {Elapsed} ms",
            set.Files.Count,
            written.GetValueOrDefault(UsyncItemType.Language),
            written.GetValueOrDefault(UsyncItemType.Dictionary),
            written.GetValueOrDefault(UsyncItemType.DataType),
            written.GetValueOrDefault(UsyncItemType.ContentType),
            written.GetValueOrDefault(UsyncItemType.Content),
            written.GetValueOrDefault(UsyncItemType.Form),
            deleted,
            stopwatch.ElapsedMilliseconds);
        return Result(UsyncImportOutcome.Imported, set.Files.Count, written, deleted, [], stopwatch);
    }

    /// <summary>Hashing alone, without parsing, tells whether any file of these handlers changed since the last import.</summary>
    private bool IsUnchanged(string folder, IReadOnlyList<UsyncHandler> active, IReadOnlySet<UsyncItemType> itemTypes)
    {
        Dictionary<string, string> stored;
        using (var scope = scopes.CreateScope(autoComplete: true))
        {
            stored = UsyncFileRecords.Read(scope.Database, itemTypes);
        }

        var files = UsyncFolderReader.HashFiles(folder, active);
        return stored.Count > 0 && files.Count == stored.Count && files.All(f => stored.GetValueOrDefault(f.Key) == f.Value);
    }

    /// <summary>
    /// Rebuilds the Delivery API's index now, on this server, and waits until its searcher sees the rebuild: Umbraco's own
    /// rebuild after a start waits a minute, and Examine would otherwise write in the background and be searchable a
    /// moment later. Other servers index the items as their cache refreshers tell them.
    /// </summary>
    private async Task RefreshDeliveryIndexAsync()
    {
        const string name = Constants.UmbracoIndexes.DeliveryApiContentIndexName;
        if (!examine.TryGetIndex(name, out var index))
        {
            return;
        }

        Attempt<IndexRebuildResult> rebuilt;
        using (index is LuceneIndex lucene ? lucene.WithThreadingMode(IndexThreadingMode.Synchronous) : null)
        {
            rebuilt = await indexRebuilder.RebuildIndexAsync(name, TimeSpan.Zero, useBackgroundThread: false);
        }

        if (!rebuilt.Success)
        {
            logger.LogWarning("The Delivery API index was not rebuilt after the import: {Result}", rebuilt.Result);
            return;
        }

        (index as LuceneIndex)?.WaitForChanges();
    }

    private static UsyncImportResult Result(
        UsyncImportOutcome outcome, int files, Dictionary<UsyncItemType, int> written, int deleted, IReadOnlyList<UsyncProblem> problems, Stopwatch stopwatch) =>
        new(outcome, files, written, deleted, problems, stopwatch.Elapsed);
}
