using IcssiCms.Store.Importing;
using IcssiCms.Store.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace IcssiCms.UnitTests.Support;

/// <summary>A real SQLite store file in a temporary directory, migrated as the host does.</summary>
public sealed class TempStore
{
    private TempStore(string directory)
    {
        FilePath = Path.Combine(directory, "store.sqlite.db");
        ConnectionString = $"Data Source={FilePath}";
    }

    public string FilePath { get; }

    public string ConnectionString { get; }

    public static async Task<TempStore> CreateAsync(string directory)
    {
        var store = new TempStore(directory);
        await using var db = store.NewContext();
        await db.Database.MigrateAsync();
        return store;
    }

    public HubDbContext NewContext() =>
        new(new DbContextOptionsBuilder<HubDbContext>().UseSqlite(ConnectionString).Options);

    /// <summary>Imports a folder with a fresh context, as one startup of the host would.</summary>
    public async Task<ImportResult> ImportAsync(string folder, string groups = "All", bool force = false)
    {
        await using var db = NewContext();
        return await new UsyncImporter(db, NullLogger<UsyncImporter>.Instance).ImportAsync(folder, groups, force);
    }

    /// <summary>Lets go of the pooled connections to the file, so that its directory can be deleted.</summary>
    public void Release()
    {
        using var connection = new SqliteConnection(ConnectionString);
        SqliteConnection.ClearPool(connection);
    }
}
