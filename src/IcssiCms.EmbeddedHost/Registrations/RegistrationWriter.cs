using IcssiCms.Core.Registrations;
using RegistrationStore = IcssiCms.EmbeddedHost.Registrations.RegistrationStore;
using RegistrationMailKind = IcssiCms.Store.Storage.RegistrationMailKind;
using RegistrationStatus = IcssiCms.Store.Storage.RegistrationStatus;
using System.Threading.Channels;
using IcssiCms.EmbeddedHost.Mail;
using IcssiCms.EmbeddedHost.Usync;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace IcssiCms.EmbeddedHost.Registrations;

/// <summary>
/// The one writer of registrations. Every change (sign-up, confirm, cancel, promote, erase, expiry) is a command
/// queued here; the writer takes whatever is waiting, runs it in one SQLite transaction and commits it durably
/// (WAL, synchronous FULL) before any caller hears back. One writer makes allocation atomic under any
/// concurrency, and one commit per batch (group commit) lets thousands of sign-ups a second share each fsync.
/// </summary>
public sealed class RegistrationWriter(
    RegistrationStore store,
    EventCapacities capacities,
    OutboxSignal outbox,
    ImportStatus importStatus,
    IOptions<RegistrationOptions> options,
    TimeProvider time,
    ILogger<RegistrationWriter> logger) : BackgroundService
{
    private const int MaxBatch = 512;

    private readonly Channel<RegistrationCommand> _queue = Channel.CreateBounded<RegistrationCommand>(
        new BoundedChannelOptions(20_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly Dictionary<Guid, int> _placesHeld = [];
    private readonly Dictionary<string, SqliteCommand> _prepared = [];
    private long _nextPosition;

    public Task<SignUpResult> SignUpAsync(SignUpRequest request, CancellationToken cancellationToken) =>
        RunAsync(new SignUpCommand(request), cancellationToken);

    public Task<LinkResult> ConfirmAsync(Guid registrationId, CancellationToken cancellationToken) =>
        RunAsync(new ConfirmCommand(registrationId), cancellationToken);

    public Task<LinkResult> CancelAsync(Guid registrationId, CancellationToken cancellationToken) =>
        RunAsync(new CancelCommand(registrationId), cancellationToken);

    public Task<PromoteOutcome> PromoteAsync(Guid registrationId, CancellationToken cancellationToken) =>
        RunAsync(new PromoteCommand(registrationId), cancellationToken);

    public Task<int> FillFreePlacesAsync(CancellationToken cancellationToken) =>
        RunAsync(new FillFreePlacesCommand(), cancellationToken);

    public Task<ErasureResult> EraseAsync(string email, CancellationToken cancellationToken) =>
        RunAsync(new EraseCommand(email), cancellationToken);

    public Task<SubjectData> ExportSubjectAsync(string email, CancellationToken cancellationToken) =>
        RunAsync(new ExportSubjectCommand(email), cancellationToken);

    public Task<MaintenanceResult> MaintainAsync(CancellationToken cancellationToken) =>
        RunAsync(new MaintenanceCommand(), cancellationToken);

    private async Task<TResult> RunAsync<TResult>(RegistrationCommand<TResult> command, CancellationToken cancellationToken)
    {
        await _queue.Writer.WriteAsync(command, cancellationToken);
        return await command.Completion.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The store's tables exist once the startup import has migrated it; commands wait in the queue until then.
        try
        {
            await importStatus.Completion.WaitAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError("Registrations are not taken: the store did not start ({Error})", ex.GetType().Name);
        }

        await using var connection = store.OpenWriterConnection();
        _nextPosition = store.NextPosition(connection);
        var batch = new List<RegistrationCommand>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var command))
                {
                    batch.Add(command);
                }

                Run(connection, batch);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        foreach (var command in _prepared.Values)
        {
            command.Dispose();
        }

        _queue.Writer.TryComplete();
        while (_queue.Reader.TryRead(out var left))
        {
            left.Fail(new OperationCanceledException("The host is stopping."));
        }
    }

    private void Run(SqliteConnection connection, List<RegistrationCommand> batch)
    {
        try
        {
            Commit(connection, batch);
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            // One bad command must not sink the others: retry each alone, so only the failing one fails.
            logger.LogWarning("A registration batch of {Count} failed ({Error}); retrying one by one", batch.Count, ex.GetType().Name);
            foreach (var command in batch)
            {
                try
                {
                    Commit(connection, [command]);
                }
                catch (Exception single)
                {
                    logger.LogError(single, "A registration command ({Command}) failed", command.GetType().Name);
                    command.Fail(single);
                }
            }
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "A registration command ({Command}) failed", batch[0].GetType().Name);
            batch[0].Fail(ex);
        }
    }

    private void Commit(SqliteConnection connection, IReadOnlyList<RegistrationCommand> batch)
    {
        var settings = options.Value;
        var rules = new RegistrationRules(capacities.CapacityOf, settings.ResendAfter, settings.ConfirmWithin, settings.RetainFor);
        using var transaction = new RegistrationBatch(connection, _prepared, _placesHeld, _nextPosition, time.GetUtcNow().UtcDateTime);
        foreach (var command in batch)
        {
            command.Apply(transaction, rules);
        }

        transaction.Commit();
        foreach (var (eventKey, places) in transaction.ChangedPlaces)
        {
            _placesHeld[eventKey] = places;
        }

        _nextPosition = transaction.NextPosition;
        if (transaction.QueuedMail)
        {
            outbox.Notify();
        }

        if (batch.Any(c => c is EraseCommand or MaintenanceCommand))
        {
            // Erased or expired personal data must not outlive its deletion in the WAL file's older frames.
            try
            {
                if (!RegistrationStore.CheckpointAndTruncate(connection))
                {
                    logger.LogWarning("The WAL could not be truncated after a deletion: readers held it");
                }
            }
            catch (SqliteException ex)
            {
                logger.LogWarning("The WAL could not be truncated after a deletion (SQLite error {Error})", ex.SqliteErrorCode);
            }
        }

        foreach (var command in batch)
        {
            command.Succeed();
        }
    }
}
