using Microsoft.Data.Sqlite;

namespace IcssiCms.EmbeddedHost.Registrations;

/// <summary>The registrations' side of the SQLite store: the writer's own connection, set up for durable commits.</summary>
public sealed class RegistrationStore(string connectionString)
{
    public string ConnectionString => connectionString;

    /// <summary>
    /// WAL lets readers (staff lists, the outbox) work while the writer commits; synchronous FULL makes every
    /// commit reach the disk before it returns, so an acknowledged sign-up survives a crash or power loss.
    /// secure_delete zeroes what the writer deletes (an erased person's rows) instead of leaving it in free pages.
    /// </summary>
    public SqliteConnection OpenWriterConnection()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA secure_delete = ON;";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    /// <summary>
    /// Copies the WAL into the database and truncates it, so that no older image of a deleted row stays in the WAL
    /// file. Waits (busy timeout) for readers to leave the log; false if they did not in time.
    /// </summary>
    public static bool CheckpointAndTruncate(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        using var reader = command.ExecuteReader();
        return reader.Read() && reader.GetInt32(0) == 0;
    }

    public long NextPosition(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(Position), 0) + 1 FROM Registration";
        return Convert.ToInt64(command.ExecuteScalar());
    }
}
