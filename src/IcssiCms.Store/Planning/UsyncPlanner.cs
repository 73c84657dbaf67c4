using IcssiCms.Store.Reading;
using IcssiCms.Store.Storage;
using IcssiCms.Usync;
using IcssiCms.Usync.Model;
using IcssiCms.Usync.Validation;
using IcssiCms.Usync.Planning;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Umbraco.Cms.Core.Models;

namespace IcssiCms.Store.Planning;

/// <summary>A plan, or why there is none: the folder's problems, each with its file and line.</summary>
public sealed record PlanResult(UsyncPlan? Plan, IReadOnlyList<UsyncProblem> Problems);

/// <summary>
/// Works out what importing a folder would change in a store (<see cref="UsyncDiff"/>). A change that would lose stored
/// data (a removed property, a changed editor or variation, a deleted item) is flagged with what it would cost.
/// </summary>
public sealed class UsyncPlanner(HubDbContext db)
{
    private readonly UsyncFolderReader _reader = new();
    private readonly UsyncSetValidator _validator = new();

    public async Task<PlanResult> PlanAsync(string folder, CancellationToken cancellationToken = default)
    {
        var read = _reader.Read(folder);
        var problems = read.Problems.Concat(read.IsValid ? _validator.Validate(read.Set) : []).ToList();
        if (problems.Count > 0)
        {
            return new PlanResult(null, problems);
        }

        var store = (await new StoreSetReader(db).ReadAsync(cancellationToken)).ToSet(ContentVersion.Draft);
        var changes = await DiffAsync(read.Set, store, cancellationToken);
        var plan = new UsyncPlan(
            UsyncPlan.CurrentFormat,
            Path.GetFullPath(folder),
            db.Database.GetDbConnection().DataSource,
            UsyncDiff.SchemaHash(store),
            read.Set.Files.ToDictionary(f => f.Path, f => f.Hash, StringComparer.Ordinal),
            DateTime.UtcNow,
            changes);
        return new PlanResult(plan, []);
    }

    private async Task<List<PlannedChange>> DiffAsync(UsyncSet folder, UsyncSet store, CancellationToken cancellationToken)
    {
        var costs = new DestructiveCosts(db, store);
        var costed = new List<PlannedChange>();
        foreach (var change in UsyncDiff.Between(folder, store))
        {
            costed.Add(change with { Destructive = await costs.OfAsync(change, folder, cancellationToken) });
        }

        return costed;
    }

    /// <summary>What a change would lose, counted in the store.</summary>
    private sealed class DestructiveCosts(HubDbContext db, UsyncSet store)
    {
        private readonly Dictionary<Guid, UsyncContentType> _types = store.ContentTypes.ToDictionary(t => t.Key);

        public async Task<DestructiveCost?> OfAsync(PlannedChange change, UsyncSet folder, CancellationToken cancellationToken)
        {
            switch (change.ItemType, change.Action)
            {
                case (_, ChangeAction.Create):
                    return null;
                case (UsyncItemType.ContentType, ChangeAction.Delete):
                    {
                        var (items, values) = await CountAsync(
                            "SELECT COUNT(DISTINCT n.Key), COUNT(v.NodeKey) FROM ContentNode n LEFT JOIN PropertyValue v ON v.NodeKey = n.Key AND v.Value IS NOT NULL AND v.Value <> '' WHERE n.ContentTypeAlias = $a COLLATE NOCASE",
                            cancellationToken, change.Alias);
                        return new DestructiveCost($"deletes document type '{change.Alias}' and the {items} content items of that type", items, values);
                    }

                case (UsyncItemType.Content, ChangeAction.Delete):
                    {
                        var (items, values) = await CountAsync(
                            "SELECT COUNT(DISTINCT n.Key), COUNT(v.NodeKey) FROM ContentNode n LEFT JOIN PropertyValue v ON v.NodeKey = n.Key AND v.Value IS NOT NULL AND v.Value <> '' WHERE n.Path LIKE '%' || $a || '%'",
                            cancellationToken, change.Key.ToString());
                        return new DestructiveCost($"deletes content '{change.Alias}' and what is below it", items, values);
                    }

                case (UsyncItemType.Language, ChangeAction.Delete):
                    {
                        var (items, values) = await CountAsync(
                            "SELECT COUNT(DISTINCT NodeKey), COUNT(*) FROM PropertyValue WHERE Culture = $a COLLATE NOCASE AND Value IS NOT NULL AND Value <> ''",
                            cancellationToken, change.Alias);
                        return new DestructiveCost($"deletes language '{change.Alias}' and the values in it", items, values);
                    }

                case (UsyncItemType.DataType, ChangeAction.Delete):
                    {
                        var (items, values) = await CountValuesAsync(PropertiesUsing(change.Key), cancellationToken);
                        return new DestructiveCost($"deletes data type '{change.Alias}'", items, values);
                    }

                case (UsyncItemType.Form, ChangeAction.Delete):
                    {
                        var (records, _) = await CountAsync("SELECT COUNT(*), 0 FROM FormRecord WHERE FormKey = $a", cancellationToken, change.Key.ToString());
                        return new DestructiveCost($"deletes form '{change.Alias}' and its {records} records", 0, records);
                    }

                case (_, ChangeAction.Delete):
                    return new DestructiveCost($"deletes {change.ItemType} '{change.Alias}'", 0, 0);
                case (UsyncItemType.ContentType, _):
                    return await ContentTypeCostAsync(change, folder, cancellationToken);
                case (UsyncItemType.DataType, _):
                    {
                        var before = store.DataTypes.First(d => d.Key == change.Key);
                        var after = folder.DataTypes.First(d => d.Key == change.Key);
                        if (string.Equals(before.EditorAlias, after.EditorAlias, StringComparison.Ordinal))
                        {
                            return null;
                        }

                        var (items, values) = await CountValuesAsync(PropertiesUsing(change.Key), cancellationToken);
                        return values == 0 ? null : new DestructiveCost(
                            $"changes the editor of data type '{after.Name}' from {before.EditorAlias} to {after.EditorAlias}", items, values);
                    }

                default:
                    return null;
            }
        }

        /// <summary>A removed property, or one whose editor or variation changes, loses the values it holds.</summary>
        private async Task<DestructiveCost?> ContentTypeCostAsync(PlannedChange change, UsyncSet folder, CancellationToken cancellationToken)
        {
            var before = _types[change.Key];
            var after = folder.ContentTypes.First(t => t.Key == change.Key);
            var dataTypes = folder.DataTypes.ToDictionary(d => d.Key);
            var storeDataTypes = store.DataTypes.ToDictionary(d => d.Key);
            var lost = new List<(string Alias, string Why)>();
            foreach (var property in before.Properties)
            {
                var now = after.Properties.FirstOrDefault(p => p.Key == property.Key) ?? after.Properties.FirstOrDefault(p => p.Alias == property.Alias);
                if (now is null)
                {
                    lost.Add((property.Alias, $"removes property '{property.Alias}'"));
                }
                else if (EditorOf(storeDataTypes, property.DataTypeKey) is var oldEditor && EditorOf(dataTypes, now.DataTypeKey) is var newEditor && oldEditor != newEditor)
                {
                    lost.Add((property.Alias, $"changes the editor of '{property.Alias}' from {oldEditor} to {newEditor}"));
                }
                else if (property.Variations.HasFlag(ContentVariation.Culture) != now.Variations.HasFlag(ContentVariation.Culture))
                {
                    lost.Add((property.Alias, $"makes '{property.Alias}' {(now.Variations.HasFlag(ContentVariation.Culture) ? "vary by culture" : "invariant")}"));
                }
            }

            if (lost.Count == 0)
            {
                return null;
            }

            var (items, values) = await CountValuesAsync(lost.Select(l => (Types: Composing(change.Key), l.Alias)).ToList(), cancellationToken);
            return new DestructiveCost(string.Join("; ", lost.Select(l => l.Why)), items, values);
        }

        private static string? EditorOf(IReadOnlyDictionary<Guid, UsyncDataType> dataTypes, Guid key) => dataTypes.GetValueOrDefault(key)?.EditorAlias;

        /// <summary>The type and every type that has it as a composition (whose content holds its properties).</summary>
        private IReadOnlyList<string> Composing(Guid key)
        {
            var result = new List<string>();
            var queue = new Queue<Guid>([key]);
            var seen = new HashSet<Guid>();
            while (queue.TryDequeue(out var next))
            {
                if (!seen.Add(next) || !_types.TryGetValue(next, out var type))
                {
                    continue;
                }

                result.Add(type.Alias);
                foreach (var composer in _types.Values.Where(t => t.Compositions.Any(c => c.Key == next)))
                {
                    queue.Enqueue(composer.Key);
                }
            }

            return result;
        }

        private List<(IReadOnlyList<string> Types, string Alias)> PropertiesUsing(Guid dataType) =>
            _types.Values.SelectMany(t => t.Properties.Where(p => p.DataTypeKey == dataType).Select(p => ((IReadOnlyList<string>)Composing(t.Key), p.Alias))).ToList();

        private async Task<(int Items, int Values)> CountValuesAsync(IReadOnlyList<(IReadOnlyList<string> Types, string Alias)> properties, CancellationToken cancellationToken)
        {
            int items = 0, values = 0;
            foreach (var (types, alias) in properties)
            {
                var typeList = string.Join(",", types.Select((_, i) => "$t" + i));
                var parameters = new List<object> { alias };
                parameters.AddRange(types);
                var (i2, v2) = await CountAsync(
                    $"SELECT COUNT(DISTINCT v.NodeKey), COUNT(*) FROM PropertyValue v JOIN ContentNode n ON n.Key = v.NodeKey WHERE v.Alias = $a AND v.Value IS NOT NULL AND v.Value <> '' AND n.ContentTypeAlias COLLATE NOCASE IN ({typeList})",
                    cancellationToken, [.. parameters]);
                items += i2;
                values += v2;
            }

            return (items, values);
        }

        private async Task<(int, int)> CountAsync(string sql, CancellationToken cancellationToken, params object[] values)
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            if (connection.State != System.Data.ConnectionState.Open)
            {
                await connection.OpenAsync(cancellationToken);
            }

            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$a", values[0]);
            for (var i = 1; i < values.Length; i++)
            {
                command.Parameters.AddWithValue("$t" + (i - 1), values[i]);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return (reader.GetInt32(0), reader.GetInt32(1));
        }
    }
}
