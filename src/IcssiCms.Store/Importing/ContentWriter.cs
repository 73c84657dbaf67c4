using System.Data.Common;
using IcssiCms.Usync.Mapping;
using IcssiCms.Usync.Model;
using Microsoft.Data.Sqlite;

namespace IcssiCms.Store.Importing;

/// <summary>
/// Writes content nodes, their cultures and values with prepared commands on the import's connection and
/// transaction: tens of thousands of rows in well under a second, where change tracking would take many.
/// </summary>
internal sealed class ContentWriter : IDisposable
{
    private readonly SqliteCommand _upsertNode;
    private readonly SqliteCommand _deleteCultures;
    private readonly SqliteCommand _insertCulture;
    private readonly SqliteCommand _upsertValue;

    private readonly bool _storeWasEmpty;

    /// <param name="storeWasEmpty">No node existed before: there are no old cultures to clear.</param>
    public ContentWriter(SqliteConnection connection, SqliteTransaction transaction, bool storeWasEmpty)
    {
        _storeWasEmpty = storeWasEmpty;
        _upsertNode = Prepare(connection, transaction, """
            INSERT INTO ContentNode (Key, ParentKey, ContentTypeAlias, Name, Level, SortOrder, Path, Trashed, CreateDate, UpdateDate)
            VALUES ($key, $parent, $type, $name, $level, $sort, $path, $trashed, $created, $updated)
            ON CONFLICT (Key) DO UPDATE SET ParentKey = excluded.ParentKey, ContentTypeAlias = excluded.ContentTypeAlias,
                Name = excluded.Name, Level = excluded.Level, SortOrder = excluded.SortOrder, Path = excluded.Path,
                Trashed = excluded.Trashed, CreateDate = excluded.CreateDate, UpdateDate = excluded.UpdateDate
            """, "$key", "$parent", "$type", "$name", "$level", "$sort", "$path", "$trashed", "$created", "$updated");
        _deleteCultures = Prepare(connection, transaction, "DELETE FROM ContentCulture WHERE NodeKey = $key", "$key");
        _insertCulture = Prepare(connection, transaction, """
            INSERT INTO ContentCulture (NodeKey, Culture, Name, UrlSegment, Published, Route)
            VALUES ($key, $culture, $name, $segment, $published, $route)
            """, "$key", "$culture", "$name", "$segment", "$published", "$route");
        _upsertValue = Prepare(connection, transaction, """
            INSERT INTO PropertyValue (NodeKey, Alias, Culture, Segment, Value, PublishedValue)
            VALUES ($key, $alias, $culture, $segment, $value, $published)
            ON CONFLICT (NodeKey, Alias, Culture, Segment) DO UPDATE SET Value = excluded.Value, PublishedValue = excluded.PublishedValue
            """, "$key", "$alias", "$culture", "$segment", "$value", "$published");
    }

    /// <summary>Writes one node as the file has it; properties the file leaves out are left alone, as uSync does.</summary>
    public void Write(UsyncContent node, string path, bool variesByCulture, IReadOnlyDictionary<string, string?> routes, DateTime now)
    {
        var key = node.Key.ToString();
        Run(_upsertNode, key, node.IsRoot ? null : node.ParentKey.ToString(), node.ContentTypeAlias, node.Name, node.Level,
            node.SortOrder, path, node.Trashed, node.CreateDate, now);

        if (!_storeWasEmpty)
        {
            Run(_deleteCultures, key);
        }

        var cultures = variesByCulture
            ? node.CultureNames.Select(c => (Culture: c.Key, Name: c.Value, Published: node.IsPublishedIn(c.Key))).ToList()
            : [(Culture: string.Empty, node.Name, Published: node.PublishedDefault)];
        foreach (var (culture, name, published) in cultures)
        {
            Run(_insertCulture, key, culture, name, UmbracoStrings.UrlSegment(name, culture.Length == 0 ? null : culture), published,
                routes.GetValueOrDefault(culture));
        }

        var anyPublished = cultures.Any(c => c.Published);
        foreach (var value in node.Properties)
        {
            var published = value.Culture is null ? anyPublished : node.IsPublishedIn(value.Culture);
            Run(_upsertValue, key, value.Alias, value.Culture ?? string.Empty, value.Segment ?? string.Empty, value.Value,
                published ? value.Value : null);
        }
    }

    public void Dispose()
    {
        _upsertNode.Dispose();
        _deleteCultures.Dispose();
        _insertCulture.Dispose();
        _upsertValue.Dispose();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static void Run(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }
}
