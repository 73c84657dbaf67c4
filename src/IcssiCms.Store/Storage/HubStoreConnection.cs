using Microsoft.Data.Sqlite;

namespace IcssiCms.Store.Storage;

/// <summary>
/// Turns Umbraco's <c>ConnectionStrings:umbracoDbDSN</c> into a SQLite connection string: <c>|DataDirectory|</c>
/// becomes <c>umbraco/Data</c> under the content root, as in Umbraco, and the folder is created.
/// </summary>
public static class HubStoreConnection
{
    public const string ConnectionName = "umbracoDbDSN";
    public const string ProviderSuffix = "_ProviderName";
    public const string SqliteProvider = "Microsoft.Data.Sqlite";
    public const string DataDirectoryToken = "|DataDirectory|";

    public static string DataDirectory(string contentRoot) => Path.Combine(contentRoot, "umbraco", "Data");

    public static string Resolve(string connectionString, string? providerName, string contentRoot)
    {
        if (providerName is not null && !string.Equals(providerName, SqliteProvider, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionName}{ProviderSuffix} is '{providerName}'; the embedded host stores in SQLite ('{SqliteProvider}').");
        }

        var dataDirectory = DataDirectory(contentRoot);
        var builder = new SqliteConnectionStringBuilder(connectionString.Replace(DataDirectoryToken, dataDirectory, StringComparison.OrdinalIgnoreCase));
        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} names no Data Source.");
        }

        if (builder.DataSource != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(builder.DataSource, contentRoot)) is { } folder)
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(folder);
        }

        return builder.ToString();
    }
}
