using Umbraco.Cms.Infrastructure.Persistence;

namespace IcssiCms.Core.Persistence;

public static class SqlContextExtensions
{
    /// <summary>Whether the database is SQLite (Umbraco's SQLite syntax provider), where a few things are done otherwise.</summary>
    public static bool IsSqlite(this ISqlContext sql) =>
        sql.SqlSyntax.ProviderName?.Contains("Sqlite", StringComparison.OrdinalIgnoreCase) == true;
}
