using Microsoft.Data.Sqlite;

namespace IcssiCms.Store.Importing;

/// <summary>
/// A number every import raises in the same transaction as its writes, so that a running host sees that another
/// process (<c>usync apply</c>) changed its store, and reloads.
/// </summary>
public static class StoreRevision
{
    public const string Key = "IcssiCms.Store.Revision";

    public static async Task BumpAsync(SqliteConnection connection, SqliteTransaction transaction, DateTime now, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO KeyValue (Key, Value, Updated) VALUES ($key, '1', $now)
            ON CONFLICT (Key) DO UPDATE SET Value = CAST(CAST(Value AS INTEGER) + 1 AS TEXT), Updated = $now
            """;
        command.Parameters.AddWithValue("$key", Key);
        command.Parameters.AddWithValue("$now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The current revision; 0 before the first import.</summary>
    public static async Task<long> ReadAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Value FROM KeyValue WHERE Key = $key";
        command.Parameters.AddWithValue("$key", Key);
        return await command.ExecuteScalarAsync(cancellationToken) is string value && long.TryParse(value, out var revision) ? revision : 0;
    }
}
