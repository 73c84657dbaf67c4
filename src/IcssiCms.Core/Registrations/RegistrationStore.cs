using IcssiCms.Core.Persistence;
using Microsoft.Extensions.Options;
using NPoco;
using Umbraco.Cms.Infrastructure.Persistence;
using Umbraco.Cms.Infrastructure.Scoping;

namespace IcssiCms.Core.Registrations;

/// <summary>
/// Registrations in Umbraco's database, through Umbraco's scopes. Every change takes <see cref="RegistrationLock"/> for
/// writing, so that counting an event's held places and taking one is one step on every server of the site; it commits
/// with the scope, so an answer given after it is durable.
/// </summary>
public sealed class RegistrationStore(
    IScopeProvider scopes,
    IUmbracoDatabaseFactory databases,
    HubEvents events,
    TimeProvider clock,
    IOptionsMonitor<RegistrationOptions> options)
{
    /// <summary>
    /// Sign-ups in one scope and one commit, in the order given (a later one sees the places an earlier one took); if
    /// any fails, none is stored. Each allocates a place per chosen event: held while the event has room (its capacity:
    /// null is no limit), else in line. A repeat for the same e-mail and event finds the registration there is and
    /// changes nothing; a cancelled or expired one is brought back. One e-mail per sign-up, whatever the number of
    /// events; a repeat of an unconfirmed sign-up sends its e-mail again, once <see cref="RegistrationOptions.ResendAfter"/>
    /// has passed.
    /// </summary>
    public IReadOnlyList<SignUpResult> SignUpAll(IReadOnlyList<(SignUpRequest Request, IReadOnlyDictionary<Guid, int?> Capacities)> signUps)
    {
        using var scope = scopes.CreateScope();
        scope.EagerWriteLock(RegistrationLock.Id);
        var batch = new SignUpBatch(scope.Database, clock.GetUtcNow().UtcDateTime, options.CurrentValue.ResendAfter, signUps.Select(s => s.Request.Email));
        var results = signUps.Select(s => batch.SignUp(s.Request, s.Capacities)).ToList();
        batch.Write();
        scope.Complete();
        return results;
    }

    /// <summary>
    /// The sign-ups of one <see cref="SignUpAll"/>, worked out in memory under the lock and written at the end in bulk:
    /// the registrations already there for the batch's addresses are read in one query rather than one per sign-up,
    /// each event's held places counted once, and the new rows inserted together.
    /// </summary>
    private sealed class SignUpBatch
    {
        private readonly IUmbracoDatabase _database;
        private readonly DateTime _now;
        private readonly TimeSpan _resendAfter;
        private readonly Dictionary<(Guid Event, string Email), RegistrationDto> _registrations;
        private readonly Dictionary<Guid, int> _held = [];
        private readonly List<RegistrationDto> _newRegistrations = [];
        private readonly List<FormRecordDto> _newRecords = [];
        private readonly List<OutboxMailDto> _newMails = [];
        private long _nextPosition;

        public SignUpBatch(IUmbracoDatabase database, DateTime now, TimeSpan resendAfter, IEnumerable<string> emails)
        {
            _database = database;
            _now = now;
            _resendAfter = resendAfter;
            _nextPosition = database.ExecuteScalar<long?>(new Sql($"SELECT MAX(position) FROM {RegistrationDto.TableName}")) ?? 0;
            _registrations = emails.Distinct().Chunk(500)
                .SelectMany(chunk => database.Fetch<RegistrationDto>(new Sql($"SELECT * FROM {RegistrationDto.TableName} WHERE email IN (@0)", chunk)))
                .ToDictionary(r => (r.EventKey, r.Email));
        }

        public SignUpResult SignUp(SignUpRequest request, IReadOnlyDictionary<Guid, int?> capacities)
        {
            var recordKey = Guid.NewGuid();
            var places = new List<PlaceResult>();
            var added = new List<RegistrationDto>();
            RegistrationDto? unconfirmedRepeat = null;

            foreach (var eventKey in request.Events.Distinct())
            {
                var existing = _registrations.GetValueOrDefault((eventKey, request.Email));
                if (existing is { IsActive: true })
                {
                    places.Add(new PlaceResult(eventKey, existing.HoldsPlace ? PlaceOutcome.Placed : PlaceOutcome.Waitlisted));
                    if (existing.EmailConfirmedUtc is null && LastMailed(existing.Key) is var mailed && (mailed is null || mailed < _now - _resendAfter))
                    {
                        unconfirmedRepeat ??= existing;
                    }

                    continue;
                }

                var placed = capacities.GetValueOrDefault(eventKey) is not { } capacity || Held(eventKey) < capacity;
                var row = new RegistrationDto
                {
                    Key = existing?.Key ?? Guid.NewGuid(),
                    RecordKey = recordKey,
                    FormKey = request.FormKey,
                    EventKey = eventKey,
                    Email = request.Email,
                    Name = request.Name,
                    Culture = request.Culture,
                    Status = (int)(placed ? RegistrationStatus.Pending : RegistrationStatus.Waitlisted),
                    Position = ++_nextPosition,
                    CreatedUtc = existing?.CreatedUtc ?? _now,
                    UpdatedUtc = _now,
                };
                if (existing is null)
                {
                    _newRegistrations.Add(row);
                }
                else
                {
                    // A cancelled or expired registration brought back: the row is there already.
                    _database.Update(row);
                }

                _registrations[(eventKey, request.Email)] = row;
                if (placed && _held.TryGetValue(eventKey, out var held))
                {
                    // Counted only for events with a capacity; the count stays true through the batch.
                    _held[eventKey] = held + 1;
                }

                added.Add(row);
                places.Add(new PlaceResult(eventKey, placed ? PlaceOutcome.Placed : PlaceOutcome.Waitlisted));
            }

            if (added.Count > 0 || request.Events.Count == 0)
            {
                _newRecords.Add(new FormRecordDto
                {
                    Key = recordKey,
                    FormKey = request.FormKey,
                    ContentKey = request.ContentKey,
                    Culture = request.Culture,
                    Email = request.Email,
                    ValuesJson = request.ValuesJson,
                    ConsentVersion = request.Consent?.Version,
                    ConsentText = request.Consent?.Text,
                    CreatedUtc = _now,
                });

                if (added.Count > 0)
                {
                    // One e-mail for the whole sign-up, headed by a held place if there is one; it lists the others.
                    var held = added.FirstOrDefault(r => r.HoldsPlace);
                    _newMails.Add(Mail(held ?? added[0], held is null ? RegistrationMailKind.Waitlisted : RegistrationMailKind.ConfirmPlace, _now));
                }
            }
            else if (unconfirmedRepeat is not null)
            {
                // Signed up again without confirming: the first e-mail was probably lost, so it is sent again.
                _newMails.Add(Mail(unconfirmedRepeat, unconfirmedRepeat.HoldsPlace ? RegistrationMailKind.ConfirmPlace : RegistrationMailKind.Waitlisted, _now));
            }

            return new SignUpResult(places);
        }

        public void Write()
        {
            InsertAll(_database, _newRegistrations);
            InsertAll(_database, _newRecords);
            InsertAll(_database, _newMails);
        }

        private int Held(Guid eventKey)
        {
            if (!_held.TryGetValue(eventKey, out var held))
            {
                _held[eventKey] = held = HeldPlaces(_database, eventKey);
            }

            return held;
        }

        /// <summary>When the registration's last e-mail was queued: in this batch, or before it.</summary>
        private DateTime? LastMailed(Guid registrationKey) =>
            _newMails.LastOrDefault(m => m.RegistrationKey == registrationKey)?.CreatedUtc
            ?? _database.ExecuteScalar<DateTime?>(new Sql($"SELECT MAX(createdUtc) FROM {OutboxMailDto.TableName} WHERE registrationKey = @0", registrationKey));
    }

    /// <summary>
    /// The e-mailed confirm link: confirms the address for every registration of the same sign-up; held places become
    /// confirmed, places in line stay in line with the address confirmed.
    /// </summary>
    public LinkResult Confirm(Guid registrationKey) => Change(registrationKey, (database, row, now) =>
    {
        if (!row.IsActive)
        {
            return LinkOutcome.Closed;
        }

        if (row.EmailConfirmedUtc is not null)
        {
            return LinkOutcome.AlreadyDone;
        }

        foreach (var sibling in database.Fetch<RegistrationDto>(new Sql(
            $"SELECT * FROM {RegistrationDto.TableName} WHERE recordKey = @0 AND emailConfirmedUtc IS NULL AND status IN (@1, @2)",
            row.RecordKey, (int)RegistrationStatus.Pending, (int)RegistrationStatus.Waitlisted)))
        {
            sibling.EmailConfirmedUtc = now;
            sibling.UpdatedUtc = now;
            if (sibling.Status == (int)RegistrationStatus.Pending)
            {
                sibling.Status = (int)RegistrationStatus.Confirmed;
            }

            database.Update(sibling);
            if (sibling.Key == row.Key)
            {
                row.Status = sibling.Status;
            }
        }

        return LinkOutcome.Done;
    });

    /// <summary>The e-mailed cancel link (one per event): frees the place, which goes to the next in line.</summary>
    public LinkResult Cancel(Guid registrationKey) => Change(registrationKey, (database, row, now) =>
    {
        if (!row.IsActive)
        {
            return LinkOutcome.AlreadyDone;
        }

        var heldPlace = row.HoldsPlace;
        row.Status = (int)RegistrationStatus.Cancelled;
        row.UpdatedUtc = now;
        database.Update(row);
        QueueMail(database, row, RegistrationMailKind.Cancelled, now);
        if (heldPlace)
        {
            PromoteWaiting(database, row.EventKey, now);
        }

        return LinkOutcome.Done;
    });

    /// <summary>
    /// Staff take someone off the waitlist out of turn: given a free place if there is one, else put first in line, so
    /// that the next place that frees is theirs. Never past capacity.
    /// </summary>
    public PromoteOutcome Promote(Guid registrationKey)
    {
        using var scope = scopes.CreateScope();
        scope.EagerWriteLock(RegistrationLock.Id);
        var database = scope.Database;
        var now = clock.GetUtcNow().UtcDateTime;
        var row = Row(database, registrationKey);
        PromoteOutcome outcome;
        if (row is null)
        {
            outcome = PromoteOutcome.NotFound;
        }
        else if (row.Status != (int)RegistrationStatus.Waitlisted)
        {
            outcome = PromoteOutcome.NotWaitlisted;
        }
        else if (HasFreePlace(database, row.EventKey))
        {
            GivePlace(database, row, now);
            outcome = PromoteOutcome.Promoted;
        }
        else
        {
            var first = database.ExecuteScalar<long>(new Sql(
                $"SELECT MIN(position) FROM {RegistrationDto.TableName} WHERE eventKey = @0 AND status = @1", row.EventKey, (int)RegistrationStatus.Waitlisted));
            if (first < row.Position)
            {
                row.Position = first - 1;
                row.UpdatedUtc = now;
                database.Update(row);
            }

            outcome = PromoteOutcome.FirstInLine;
        }

        scope.Complete();
        return outcome;
    }

    /// <summary>
    /// A data-subject request: everything held on one e-mail address is deleted, with its unsent e-mails; freed places go
    /// to those in line. On SQLite the deleted rows are overwritten and the write-ahead log emptied, so that nothing of
    /// them stays in the database files.
    /// </summary>
    public ErasureResult Erase(string email)
    {
        var normalized = email.Trim().ToLowerInvariant();
        ErasureResult result;
        using (var scope = scopes.CreateScope())
        {
            scope.EagerWriteLock(RegistrationLock.Id);
            var database = scope.Database;
            OverwriteDeletedRows(database);
            var now = clock.GetUtcNow().UtcDateTime;
            var rows = database.Fetch<RegistrationDto>(new Sql($"SELECT * FROM {RegistrationDto.TableName} WHERE email = @0", normalized));
            DeleteRegistrations(database, rows);
            var records = database.Execute(new Sql($"DELETE FROM {FormRecordDto.TableName} WHERE email = @0", normalized));
            foreach (var eventKey in rows.Where(r => r.HoldsPlace).Select(r => r.EventKey).Distinct())
            {
                PromoteWaiting(database, eventKey, now);
            }

            scope.Complete();
            result = new ErasureResult(records, rows.Count);
        }

        EmptyWriteAheadLog();
        return result;
    }

    /// <summary>
    /// The periodic upkeep: held places not confirmed within <see cref="RegistrationOptions.ConfirmWithin"/> are
    /// released, records and registrations older than <see cref="RegistrationOptions.RetainFor"/> are deleted, and free
    /// places (released, or a capacity raised since) go to those in line.
    /// </summary>
    public MaintenanceResult Maintain()
    {
        var settings = options.CurrentValue;
        MaintenanceResult result;
        using (var scope = scopes.CreateScope())
        {
            scope.EagerWriteLock(RegistrationLock.Id);
            var database = scope.Database;
            OverwriteDeletedRows(database);
            var now = clock.GetUtcNow().UtcDateTime;
            var expired = database.Execute(new Sql(
                $"UPDATE {RegistrationDto.TableName} SET status = @0, updatedUtc = @1 WHERE status = @2 AND updatedUtc < @3",
                (int)RegistrationStatus.Expired, now, (int)RegistrationStatus.Pending, now - settings.ConfirmWithin));

            var cutoff = now - settings.RetainFor;
            var old = database.Fetch<RegistrationDto>(new Sql($"SELECT * FROM {RegistrationDto.TableName} WHERE createdUtc < @0", cutoff));
            DeleteRegistrations(database, old);
            var records = database.Execute(new Sql($"DELETE FROM {FormRecordDto.TableName} WHERE createdUtc < @0", cutoff));

            var promoted = FillFreePlaces(database, now);
            scope.Complete();
            result = new MaintenanceResult(expired, records, old.Count, promoted);
        }

        if (result.RecordsDeleted + result.RegistrationsDeleted > 0)
        {
            EmptyWriteAheadLog();
        }

        return result;
    }

    /// <summary>Whether anyone is on a waitlist, read without the lock: a cheap test before <see cref="FillFreePlaces()"/>.</summary>
    public bool AnyoneInLine()
    {
        using var scope = scopes.CreateScope(autoComplete: true);
        return scope.Database.ExecuteScalar<int>(new Sql($"SELECT COUNT(*) FROM {RegistrationDto.TableName} WHERE status = @0", (int)RegistrationStatus.Waitlisted)) > 0;
    }

    /// <summary>Gives the places free at any event (a capacity raised, say) to those in line; how many were given.</summary>
    public int FillFreePlaces()
    {
        using var scope = scopes.CreateScope();
        scope.EagerWriteLock(RegistrationLock.Id);
        var promoted = FillFreePlaces(scope.Database, clock.GetUtcNow().UtcDateTime);
        scope.Complete();
        return promoted;
    }

    private int FillFreePlaces(IUmbracoDatabase database, DateTime now) =>
        database.Fetch<Guid>(new Sql($"SELECT DISTINCT eventKey FROM {RegistrationDto.TableName} WHERE status = @0", (int)RegistrationStatus.Waitlisted))
            .Sum(eventKey => PromoteWaiting(database, eventKey, now));

    /// <summary>One registration, read and changed under the lock in one scope; the change says what it did.</summary>
    private LinkResult Change(Guid registrationKey, Func<IUmbracoDatabase, RegistrationDto, DateTime, LinkOutcome> change)
    {
        using var scope = scopes.CreateScope();
        scope.EagerWriteLock(RegistrationLock.Id);
        var row = Row(scope.Database, registrationKey);
        if (row is null)
        {
            scope.Complete();
            return new LinkResult(LinkOutcome.NotFound, null, null, null);
        }

        var outcome = change(scope.Database, row, clock.GetUtcNow().UtcDateTime);
        scope.Complete();
        return new LinkResult(outcome, row.EventKey, (RegistrationStatus)row.Status, row.Culture);
    }

    /// <summary>Gives free places of an event to those in line, in order, each told by e-mail. None while the event is unpublished.</summary>
    private int PromoteWaiting(IUmbracoDatabase database, Guid eventKey, DateTime now)
    {
        var promoted = 0;
        while (HasFreePlace(database, eventKey)
            && database.FirstOrDefault<RegistrationDto>(new Sql(
                $"SELECT * FROM {RegistrationDto.TableName} WHERE eventKey = @0 AND status = @1 ORDER BY position", eventKey, (int)RegistrationStatus.Waitlisted)) is { } next)
        {
            GivePlace(database, next, now);
            promoted++;
        }

        return promoted;
    }

    private bool HasFreePlace(IUmbracoDatabase database, Guid eventKey) =>
        events.Find(eventKey) is { } published && (published.Capacity is not { } capacity || HeldPlaces(database, eventKey) < capacity);

    private static void GivePlace(IUmbracoDatabase database, RegistrationDto row, DateTime now)
    {
        row.Status = (int)(row.EmailConfirmedUtc is null ? RegistrationStatus.Pending : RegistrationStatus.Confirmed);
        row.UpdatedUtc = now;
        database.Update(row);
        QueueMail(database, row, RegistrationMailKind.Promoted, now);
    }

    private static void DeleteRegistrations(IUmbracoDatabase database, IReadOnlyCollection<RegistrationDto> rows)
    {
        foreach (var row in rows)
        {
            database.Execute(new Sql($"DELETE FROM {OutboxMailDto.TableName} WHERE registrationKey = @0", row.Key));
            database.Execute(new Sql($"DELETE FROM {RegistrationDto.TableName} WHERE {KeyColumn} = @0", row.Key));
        }
    }

    /// <summary>
    /// Rows inserted together. On SQLite, Umbraco's bulk insert is one statement per row; here it is one statement per
    /// many rows, which is what a batch of sign-ups spends most of its time on otherwise. Elsewhere (SQL Server) Umbraco's
    /// bulk insert is a bulk copy already.
    /// </summary>
    private static void InsertAll<T>(IUmbracoDatabase database, IReadOnlyCollection<T> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (!database.SqlContext.IsSqlite())
        {
            database.BulkInsertRecords(rows);
            return;
        }

        var poco = database.PocoDataFactory.ForType(typeof(T));
        var columns = poco.Columns.Values.Where(c => !c.ResultColumn && !c.ComputedColumn).ToArray();
        var syntax = database.SqlContext.SqlSyntax;
        var head = $"INSERT INTO {syntax.GetQuotedTableName(poco.TableInfo.TableName)} ({string.Join(", ", columns.Select(c => syntax.GetQuotedColumnName(c.ColumnName)))}) VALUES ";

        // SQLite takes at most 32,766 parameters in a statement.
        foreach (var chunk in rows.Chunk(Math.Max(1, 30_000 / columns.Length)))
        {
            var values = new List<object>(chunk.Length * columns.Length);
            var tuples = chunk.Select(row =>
            {
                var first = values.Count;
                values.AddRange(columns.Select(c => c.GetValue(row!)));
                return "(" + string.Join(", ", Enumerable.Range(first, columns.Length).Select(i => "@" + i)) + ")";
            }).ToList();
            database.Execute(head + string.Join(", ", tuples), values.ToArray());
        }
    }

    /// <summary>On SQLite, rows deleted on this connection are overwritten with zeros rather than left in free pages.</summary>
    private static void OverwriteDeletedRows(IUmbracoDatabase database)
    {
        if (database.SqlContext.IsSqlite())
        {
            database.Execute("PRAGMA secure_delete = ON");
        }
    }

    /// <summary>
    /// On SQLite, the write-ahead log still holds the pages as they were before a deletion until it is checkpointed:
    /// copy it into the database file and empty it.
    /// </summary>
    private void EmptyWriteAheadLog()
    {
        // Outside a scope: a scope's database is in a transaction, and a checkpoint cannot run inside one.
        using var database = databases.CreateDatabase();
        if (database.SqlContext.IsSqlite())
        {
            database.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    /// <summary>"key" is a keyword in SQL; brackets quote it on SQL Server and SQLite alike.</summary>
    private const string KeyColumn = "[key]";

    /// <summary>One registration, or null.</summary>
    public RegistrationDto? Find(Guid registrationKey)
    {
        using var scope = scopes.CreateScope(autoComplete: true);
        return Row(scope.Database, registrationKey);
    }

    /// <summary>Held places per event (pending and confirmed), for the events given.</summary>
    public IReadOnlyDictionary<Guid, int> HeldPlaces(IEnumerable<Guid> events)
    {
        using var scope = scopes.CreateScope(autoComplete: true);
        return events.Distinct().ToDictionary(e => e, e => HeldPlaces(scope.Database, e));
    }

    /// <summary>Everything stored for one e-mail address: its records and its registrations.</summary>
    public (IReadOnlyList<FormRecordDto> Records, IReadOnlyList<RegistrationDto> Registrations) Of(string email)
    {
        using var scope = scopes.CreateScope(autoComplete: true);
        var normalized = email.Trim().ToLowerInvariant();
        return (
            scope.Database.Fetch<FormRecordDto>(new Sql($"SELECT * FROM {FormRecordDto.TableName} WHERE email = @0 ORDER BY createdUtc", normalized)),
            scope.Database.Fetch<RegistrationDto>(new Sql($"SELECT * FROM {RegistrationDto.TableName} WHERE email = @0 ORDER BY position", normalized)));
    }

    private static RegistrationDto? Row(IUmbracoDatabase database, Guid registrationKey) =>
        database.FirstOrDefault<RegistrationDto>(new Sql($"SELECT * FROM {RegistrationDto.TableName} WHERE {KeyColumn} = @0", registrationKey));

    private static int HeldPlaces(IUmbracoDatabase database, Guid eventKey) =>
        database.ExecuteScalar<int>(new Sql(
            $"SELECT COUNT(*) FROM {RegistrationDto.TableName} WHERE eventKey = @0 AND status IN (@1, @2)",
            eventKey, (int)RegistrationStatus.Pending, (int)RegistrationStatus.Confirmed));

    private static void QueueMail(IUmbracoDatabase database, RegistrationDto registration, RegistrationMailKind kind, DateTime now) =>
        database.Insert(Mail(registration, kind, now));

    private static OutboxMailDto Mail(RegistrationDto registration, RegistrationMailKind kind, DateTime now) => new()
    {
        Key = Guid.NewGuid(),
        RegistrationKey = registration.Key,
        Kind = (int)kind,
        DueUtc = now,
        CreatedUtc = now,
    };
}
