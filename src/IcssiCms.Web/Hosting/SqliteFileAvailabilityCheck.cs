using Microsoft.Data.Sqlite;
using Umbraco.Cms.Infrastructure.Persistence;

namespace IcssiCms.Web.Hosting;

/// <summary>
/// Umbraco's database availability check at boot, without the wait for a SQLite file that does not exist yet: Umbraco
/// tries a missing database five times, a second apart, before its unattended install creates it, which is five of a
/// fresh start's seconds for a file no wait will bring. Other databases (SQL Server) are tried as Umbraco tries them.
/// </summary>
internal sealed class SqliteFileAvailabilityCheck(ILogger<SqliteFileAvailabilityCheck> logger) : IDatabaseAvailabilityCheck
{
    private const string SqliteProvider = "Microsoft.Data.Sqlite";
    private const int Attempts = 5;
    private static readonly TimeSpan BetweenAttempts = TimeSpan.FromSeconds(1);

    public bool IsDatabaseAvailable(IUmbracoDatabaseFactory databaseFactory)
    {
        if (databaseFactory.ProviderName == SqliteProvider && IsMissingFile(databaseFactory.ConnectionString))
        {
            return false;
        }

        for (var attempt = 1; ; attempt++)
        {
            if (databaseFactory.CanConnect)
            {
                return true;
            }

            if (attempt == Attempts)
            {
                return false;
            }

            logger.LogDebug("Could not connect to the database, trying again in {Delay}", BetweenAttempts);
            Thread.Sleep(BetweenAttempts);
        }
    }

    private static bool IsMissingFile(string? connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return dataSource is { Length: > 0 } && dataSource != ":memory:" && !dataSource.StartsWith("file:", StringComparison.Ordinal)
            && !File.Exists(dataSource);
    }
}
