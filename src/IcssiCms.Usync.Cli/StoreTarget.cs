using IcssiCms.Store.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IcssiCms.Usync.Cli;

/// <summary>A command that cannot run, with the reason to print (exit code <see cref="ExitCodes.Error"/>).</summary>
internal sealed class CommandException(string message) : Exception(message);

/// <summary>
/// The store a command plans against, applies to or exports from: a SQLite connection string (<c>Data Source=…</c>),
/// a data folder holding <c>Umbraco.sqlite.db</c> (<c>umbraco/Data</c>), or the database file itself. The file must
/// exist (no command creates one) and be migrated to this version's latest migration (no command migrates: start
/// the embedded host once for that).
/// </summary>
internal static class StoreTarget
{
    public const string DatabaseFileName = "Umbraco.sqlite.db";

    /// <summary>The connection string for <paramref name="target"/>, opening an existing file only.</summary>
    public static string Resolve(string target)
    {
        var builder = LooksLikeConnectionString(target)
            ? Parse(target)
            : new SqliteConnectionStringBuilder { DataSource = Directory.Exists(target) ? Path.Combine(target, DatabaseFileName) : target };

        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:")
        {
            throw new CommandException($"'{target}' names no database file.");
        }

        builder.DataSource = Path.GetFullPath(builder.DataSource);
        if (!File.Exists(builder.DataSource))
        {
            throw new CommandException(Directory.Exists(target)
                ? $"{target} holds no {DatabaseFileName}: start the embedded host once to create and migrate the store."
                : $"The store {builder.DataSource} does not exist: start the embedded host once to create and migrate it.");
        }

        // ReadWrite, not ReadWriteCreate: a mistyped path must not leave an empty database behind.
        builder.Mode = SqliteOpenMode.ReadWrite;
        builder.Pooling = false;
        return builder.ToString();
    }

    /// <summary>Opens the store and checks it is the embedded host's, at the latest migration.</summary>
    public static async Task<HubDbContext> OpenAsync(string target, CancellationToken cancellationToken)
    {
        var db = new HubDbContext(new DbContextOptionsBuilder<HubDbContext>().UseSqlite(Resolve(target)).Options);
        try
        {
            await CheckAsync(db, cancellationToken);
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    private static async Task CheckAsync(HubDbContext db, CancellationToken cancellationToken)
    {
        var file = db.Database.GetDbConnection().DataSource;
        try
        {
            var umbracoTables = await db.Database
                .SqlQuery<int>($"SELECT COUNT(*) AS Value FROM sqlite_master WHERE type = 'table' AND name = 'umbracoNode'")
                .SingleAsync(cancellationToken);
            if (umbracoTables > 0)
            {
                throw new CommandException($"{file} was made by an Umbraco site, not the embedded host: use uSync in the site's back office.");
            }
        }
        catch (SqliteException ex)
        {
            throw new CommandException($"{file} is not a SQLite database this tool can open: {ex.Message}");
        }

        var known = db.Database.GetMigrations().ToList();
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        if (applied.Count == 0)
        {
            throw new CommandException($"{file} is not a migrated store (it has none of the hub's tables): start the embedded host once to migrate it.");
        }

        var pending = known.Except(applied, StringComparer.Ordinal).ToList();
        if (pending.Count > 0)
        {
            throw new CommandException(
                $"{file} is at migration {applied[^1]}; this tool needs {known[^1]} ({pending.Count} pending). " +
                "Start the embedded host of this version once to migrate it; usync does not write migrations.");
        }

        var unknown = applied.Except(known, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new CommandException($"{file} has migrations this tool does not know ({string.Join(", ", unknown)}): use the usync of the host that migrated it.");
        }
    }

    private static bool LooksLikeConnectionString(string target) =>
        target.Contains('=', StringComparison.Ordinal) && (target.Contains("source", StringComparison.OrdinalIgnoreCase) || target.Contains("filename", StringComparison.OrdinalIgnoreCase));

    private static SqliteConnectionStringBuilder Parse(string target)
    {
        try
        {
            // |DataDirectory| is umbraco/Data under the current folder, as under the content root in Umbraco.
            return new SqliteConnectionStringBuilder(target.Replace("|DataDirectory|", Path.Combine("umbraco", "Data"), StringComparison.OrdinalIgnoreCase));
        }
        catch (ArgumentException ex)
        {
            throw new CommandException($"'{target}' is not a SQLite connection string: {ex.Message}");
        }
    }
}
