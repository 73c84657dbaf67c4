using System.Data.Common;
using IcssiCms.Store.Storage;
using Microsoft.Data.Sqlite;

namespace IcssiCms.EmbeddedHost.Registrations;

/// <summary>
/// One write transaction of the <see cref="RegistrationWriter"/>: the statements commands run, and the count of
/// held places per event as this transaction sees it. Counts start from the writer's committed counts and are
/// handed back only if the transaction commits.
/// </summary>
internal sealed class RegistrationBatch : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly IReadOnlyDictionary<Guid, int> _committedPlaces;
    private readonly Dictionary<Guid, int> _places = [];
    private readonly Dictionary<string, SqliteCommand> _prepared;

    /// <param name="prepared">The writer's prepared statements, kept across batches: SQLite parses each statement once.</param>
    public RegistrationBatch(
        SqliteConnection connection, Dictionary<string, SqliteCommand> prepared, IReadOnlyDictionary<Guid, int> committedPlaces, long nextPosition, DateTime now)
    {
        _connection = connection;
        _prepared = prepared;
        _committedPlaces = committedPlaces;
        _transaction = connection.BeginTransaction(deferred: false);
        NextPosition = nextPosition;
        Now = now;
    }

    public DateTime Now { get; }

    public long NextPosition { get; private set; }

    /// <summary>The places held (pending or confirmed) at an event, as this transaction sees them.</summary>
    public int PlacesHeld(Guid eventKey)
    {
        if (_places.TryGetValue(eventKey, out var count))
        {
            return count;
        }

        count = _committedPlaces.TryGetValue(eventKey, out var committed) ? committed : CountPlaces(eventKey);
        _places[eventKey] = count;
        return count;
    }

    /// <summary>The counts this transaction changed, to be merged into the writer's once it commits.</summary>
    public IReadOnlyDictionary<Guid, int> ChangedPlaces => _places;

    public long TakePosition() => NextPosition++;

    public void Commit() => _transaction.Commit();

    public StoredRegistrationRow? Find(Guid eventKey, string email) =>
        QueryRegistrations("WHERE EventKey = $a AND Email = $b", eventKey.ToString(), email).FirstOrDefault();

    public StoredRegistrationRow? Find(Guid id) =>
        QueryRegistrations("WHERE Id = $a", id.ToString()).FirstOrDefault();

    public IReadOnlyList<StoredRegistrationRow> OfRecord(Guid recordId) =>
        QueryRegistrations("WHERE RecordId = $a ORDER BY Position", recordId.ToString());

    public IReadOnlyList<StoredRegistrationRow> OfEmail(string email) =>
        QueryRegistrations("WHERE Email = $a ORDER BY Position", email);

    public IReadOnlyList<StoredRegistrationRow> PendingSince(DateTime cutoff) =>
        QueryRegistrations("WHERE Status = 'Pending' AND UpdatedAt < $a ORDER BY Position", cutoff);

    public IReadOnlyList<StoredRegistrationRow> OfRecordsOlderThan(DateTime cutoff) =>
        QueryRegistrations("WHERE RecordId IN (SELECT Id FROM FormRecord WHERE CreatedAt < $a) ORDER BY Position", cutoff);

    public StoredRegistrationRow? NextInLine(Guid eventKey) =>
        QueryRegistrations("WHERE EventKey = $a AND Status = 'Waitlisted' ORDER BY Position LIMIT 1", eventKey.ToString()).FirstOrDefault();

    public IReadOnlyList<Guid> EventsWithWaitlist()
    {
        using var command = Command("SELECT DISTINCT EventKey FROM Registration WHERE Status = 'Waitlisted'");
        using var reader = command.ExecuteReader();
        var keys = new List<Guid>();
        while (reader.Read())
        {
            keys.Add(Guid.Parse(reader.GetString(0)));
        }

        return keys;
    }

    public void InsertRecord(FormRecord record) => Execute("""
        INSERT INTO FormRecord (Id, FormKey, ContentKey, Culture, Email, "Values", ConsentVersion, ConsentedAt, CreatedAt)
        VALUES ($a, $b, $c, $d, $e, $f, $g, $h, $i)
        """, record.Id.ToString(), record.FormKey.ToString(), record.ContentKey?.ToString(), record.Culture, record.Email,
        record.Values, record.ConsentVersion, record.ConsentedAt, record.CreatedAt);

    public void RecordConsentText(string version, string culture, string text) => Execute("""
        INSERT INTO ConsentText (Version, Culture, Text, FirstAgreedAt) VALUES ($a, $b, $c, $d) ON CONFLICT (Version) DO NOTHING
        """, version, culture, text, Now);

    /// <summary>Inserts a registration, or brings back a cancelled or expired one for the same person and event.</summary>
    /// <param name="heldBefore">Whether the row held a place before (false for a new one).</param>
    public void Upsert(StoredRegistrationRow row, bool heldBefore)
    {
        Execute("""
            INSERT INTO Registration (Id, RecordId, FormKey, EventKey, Email, Name, Culture, Status, Position, CreatedAt, UpdatedAt, EmailConfirmedAt, LastMailedAt)
            VALUES ($a, $b, $c, $d, $e, $f, $g, $h, $i, $j, $k, $l, $m)
            ON CONFLICT (Id) DO UPDATE SET RecordId = excluded.RecordId, FormKey = excluded.FormKey, Name = excluded.Name,
                Culture = excluded.Culture, Status = excluded.Status, Position = excluded.Position, UpdatedAt = excluded.UpdatedAt,
                EmailConfirmedAt = excluded.EmailConfirmedAt, LastMailedAt = excluded.LastMailedAt
            """, row.Id.ToString(), row.RecordId.ToString(), row.FormKey.ToString(), row.EventKey.ToString(), row.Email, row.Name,
            row.Culture, row.Status.ToString(), row.Position, row.CreatedAt, Now, row.EmailConfirmedAt, row.LastMailedAt);
        Adjust(row.EventKey, heldBefore, row.HoldsPlace);
    }

    /// <summary>Moves a registration to another status, keeping the count of held places.</summary>
    public StoredRegistrationRow SetStatus(StoredRegistrationRow row, RegistrationStatus status, DateTime? emailConfirmedAt = null)
    {
        var changed = row with { Status = status, EmailConfirmedAt = emailConfirmedAt ?? row.EmailConfirmedAt };
        Execute("UPDATE Registration SET Status = $a, EmailConfirmedAt = $b, UpdatedAt = $c WHERE Id = $d",
            status.ToString(), changed.EmailConfirmedAt, Now, row.Id.ToString());
        Adjust(row.EventKey, row.HoldsPlace, changed.HoldsPlace);
        return changed;
    }

    public void SetPosition(StoredRegistrationRow row, long position) =>
        Execute("UPDATE Registration SET Position = $a, UpdatedAt = $b WHERE Id = $c", position, Now, row.Id.ToString());

    public void QueueMail(StoredRegistrationRow row, RegistrationMailKind kind)
    {
        Execute("INSERT INTO OutboxMail (RegistrationId, Kind, CreatedAt, Attempts) VALUES ($a, $b, $c, 0)",
            row.Id.ToString(), kind.ToString(), Now);
        Execute("UPDATE Registration SET LastMailedAt = $a WHERE Id = $b", Now, row.Id.ToString());
        QueuedMail = true;
    }

    /// <summary>True once any e-mail was queued: the outbox is told after the commit.</summary>
    public bool QueuedMail { get; private set; }

    public void Delete(StoredRegistrationRow row)
    {
        Execute("DELETE FROM OutboxMail WHERE RegistrationId = $a", row.Id.ToString());
        Execute("DELETE FROM Registration WHERE Id = $a", row.Id.ToString());
        Adjust(row.EventKey, row.HoldsPlace, false);
    }

    public int DeleteRecordsOf(string email) => Execute("DELETE FROM FormRecord WHERE Email = $a", email);

    public int DeleteRecordsOlderThan(DateTime cutoff) => Execute("DELETE FROM FormRecord WHERE CreatedAt < $a", cutoff);

    public IReadOnlyList<FormRecord> RecordsOf(string email)
    {
        using var command = Command("""SELECT Id, FormKey, ContentKey, Culture, Email, "Values", ConsentVersion, ConsentedAt, CreatedAt FROM FormRecord WHERE Email = $a ORDER BY CreatedAt""", email);
        using var reader = command.ExecuteReader();
        var records = new List<FormRecord>();
        while (reader.Read())
        {
            records.Add(new FormRecord
            {
                Id = Guid.Parse(reader.GetString(0)),
                FormKey = Guid.Parse(reader.GetString(1)),
                ContentKey = reader.IsDBNull(2) ? null : Guid.Parse(reader.GetString(2)),
                Culture = reader.GetString(3),
                Email = reader.GetString(4),
                Values = reader.GetString(5),
                ConsentVersion = reader.IsDBNull(6) ? null : reader.GetString(6),
                ConsentedAt = reader.IsDBNull(7) ? null : reader.GetDateTime(7),
                CreatedAt = reader.GetDateTime(8),
            });
        }

        return records;
    }

    public void Dispose() => _transaction.Dispose();

    private void Adjust(Guid eventKey, bool heldBefore, bool holdsNow)
    {
        if (heldBefore != holdsNow)
        {
            _places[eventKey] = PlacesHeld(eventKey) + (holdsNow ? 1 : -1);
        }
    }

    private int CountPlaces(Guid eventKey) =>
        Convert.ToInt32(Bound("SELECT COUNT(*) FROM Registration WHERE EventKey = $a AND Status IN ('Pending', 'Confirmed')", eventKey.ToString()).ExecuteScalar());

    private List<StoredRegistrationRow> QueryRegistrations(string where, params object?[] values)
    {
        var command = Bound(
            "SELECT Id, RecordId, FormKey, EventKey, Email, Name, Culture, Status, Position, CreatedAt, UpdatedAt, EmailConfirmedAt, LastMailedAt FROM Registration " + where,
            values);
        using var reader = command.ExecuteReader();
        var rows = new List<StoredRegistrationRow>();
        while (reader.Read())
        {
            rows.Add(new StoredRegistrationRow(
                Guid.Parse(reader.GetString(0)), Guid.Parse(reader.GetString(1)), Guid.Parse(reader.GetString(2)), Guid.Parse(reader.GetString(3)),
                reader.GetString(4), reader.GetString(5), reader.GetString(6), Enum.Parse<RegistrationStatus>(reader.GetString(7)),
                reader.GetInt64(8), reader.GetDateTime(9), reader.GetDateTime(10),
                reader.IsDBNull(11) ? null : reader.GetDateTime(11), reader.IsDBNull(12) ? null : reader.GetDateTime(12)));
        }

        return rows;
    }

    private int Execute(string sql, params object?[] values) => Bound(sql, values).ExecuteNonQuery();

    /// <summary>The prepared statement for this SQL, in this batch's transaction, with the values bound to $a, $b, ….</summary>
    private SqliteCommand Bound(string sql, params object?[] values)
    {
        if (!_prepared.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters.Add(new SqliteParameter("$" + (char)('a' + i), null));
            }

            _prepared[sql] = command;
        }

        command.Transaction = _transaction;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return command;
    }

    private SqliteCommand Command(string sql, params object?[] values)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue("$" + (char)('a' + i), values[i] ?? DBNull.Value);
        }

        return command;
    }
}

/// <summary>A registration row as the writer reads it.</summary>
internal sealed record StoredRegistrationRow(
    Guid Id,
    Guid RecordId,
    Guid FormKey,
    Guid EventKey,
    string Email,
    string Name,
    string Culture,
    RegistrationStatus Status,
    long Position,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? EmailConfirmedAt,
    DateTime? LastMailedAt)
{
    public bool HoldsPlace => Status is RegistrationStatus.Pending or RegistrationStatus.Confirmed;

    public bool IsActive => Status is RegistrationStatus.Pending or RegistrationStatus.Confirmed or RegistrationStatus.Waitlisted;

    public Registration ToRegistration() => new()
    {
        Id = Id, RecordId = RecordId, FormKey = FormKey, EventKey = EventKey, Email = Email, Name = Name, Culture = Culture,
        Status = Status, Position = Position, CreatedAt = CreatedAt, UpdatedAt = UpdatedAt, EmailConfirmedAt = EmailConfirmedAt,
        LastMailedAt = LastMailedAt,
    };
}
