using IcssiCms.Core.Registrations;
using IcssiCms.Usync.Model;
using IcssiCms.Usync.Planning;
using NPoco;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Services;
using Umbraco.Cms.Infrastructure.Persistence;
using Umbraco.Cms.Infrastructure.Scoping;

namespace IcssiCms.Core.Usync.Planning;

/// <summary>
/// What a planned change would lose in this site, counted in Umbraco's database (the draft and published values of each
/// item's current versions): deleting a document type, a content item, a language, a data type or a form; removing a
/// property, or changing its editor or whether it varies by culture. The queries are plain SQL over Umbraco's own
/// tables, the same on SQLite and SQL Server. Must run inside a scope.
/// </summary>
public sealed class SiteDataCosts(IScopeAccessor scopes, IContentTypeService contentTypes, IDataTypeService dataTypes, ILanguageService languages, IContentService content)
{
    public DestructiveCost? Of(PlannedChange change, UsyncSet folder, UsyncSet site)
    {
        switch (change.ItemType, change.Action)
        {
            case (_, ChangeAction.Create):
                return null;
            case (UsyncItemType.ContentType, ChangeAction.Delete):
                {
                    var type = contentTypes.Get(change.Key);
                    var (items, values) = type is null ? (0, 0) : ValuesOf(Sql("n.contentTypeId = @0", type.Id));
                    return new DestructiveCost($"deletes document type '{change.Alias}' and the {items} content items of that type", items, values);
                }

            case (UsyncItemType.Content, ChangeAction.Delete):
                {
                    var node = content.GetById(change.Key);
                    if (node is null)
                    {
                        return new DestructiveCost($"deletes content '{change.Alias}'", 0, 0);
                    }

                    var (_, values) = ValuesOf(Sql("(n.nodeId = @0 OR n.nodeId IN (SELECT id FROM umbracoNode WHERE path LIKE @1))", node.Id, node.Path + ",%"));
                    return new DestructiveCost($"deletes content '{change.Alias}' and what is below it", (int)content.CountDescendants(node.Id) + 1, values);
                }

            case (UsyncItemType.Language, ChangeAction.Delete):
                {
                    var id = languages.GetAsync(change.Alias).GetAwaiter().GetResult()?.Id;
                    var (items, values) = id is null ? (0, 0) : ValuesOf(Sql("d.languageId = @0", id.Value));
                    return new DestructiveCost($"deletes language '{change.Alias}' and the values in it", items, values);
                }

            case (UsyncItemType.DataType, ChangeAction.Delete):
                {
                    var (items, values) = ValuesOfProperties(PropertiesUsing(change.Key));
                    return new DestructiveCost($"deletes data type '{change.Alias}'", items, values);
                }

            case (UsyncItemType.Form, ChangeAction.Delete):
                {
                    var records = Database.ExecuteScalar<int>($"SELECT COUNT(*) FROM {FormRecordDto.TableName} WHERE formKey = @0", change.Key);
                    return new DestructiveCost($"deletes form '{change.Alias}' and its {records} records", 0, records);
                }

            case (_, ChangeAction.Delete):
                return new DestructiveCost($"deletes {change.ItemType} '{change.Alias}'", 0, 0);
            case (UsyncItemType.ContentType, _):
                return ContentTypeCost(change, folder, site);
            case (UsyncItemType.DataType, _):
                {
                    var before = site.DataTypes.First(d => d.Key == change.Key);
                    var after = folder.DataTypes.First(d => d.Key == change.Key);
                    if (string.Equals(before.EditorAlias, after.EditorAlias, StringComparison.Ordinal))
                    {
                        return null;
                    }

                    var (items, values) = ValuesOfProperties(PropertiesUsing(change.Key));
                    return values == 0 ? null : new DestructiveCost(
                        $"changes the editor of data type '{after.Name}' from {before.EditorAlias} to {after.EditorAlias}", items, values);
                }

            default:
                return null;
        }
    }

    private IUmbracoDatabase Database => scopes.AmbientScope?.Database ?? throw new InvalidOperationException("Counting a plan's cost needs a scope.");

    /// <summary>A removed property, or one whose editor or variation changes, loses the values it holds.</summary>
    private DestructiveCost? ContentTypeCost(PlannedChange change, UsyncSet folder, UsyncSet site)
    {
        var before = site.ContentTypes.First(t => t.Key == change.Key);
        var after = folder.ContentTypes.First(t => t.Key == change.Key);
        var folderDataTypes = folder.DataTypes.ToDictionary(d => d.Key);
        var siteDataTypes = site.DataTypes.ToDictionary(d => d.Key);
        var lost = new List<(string Alias, string Why)>();
        foreach (var property in before.Properties)
        {
            var now = after.Properties.FirstOrDefault(p => p.Key == property.Key) ?? after.Properties.FirstOrDefault(p => p.Alias == property.Alias);
            var oldEditor = siteDataTypes.GetValueOrDefault(property.DataTypeKey)?.EditorAlias;
            var newEditor = now is null ? null : folderDataTypes.GetValueOrDefault(now.DataTypeKey)?.EditorAlias;
            if (now is null)
            {
                lost.Add((property.Alias, $"removes property '{property.Alias}'"));
            }
            else if (oldEditor != newEditor)
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

        var type = contentTypes.Get(change.Key);
        var propertyIds = type?.PropertyTypes.Where(p => lost.Any(l => l.Alias == p.Alias)).Select(p => p.Id).ToList() ?? [];
        var (items, values) = ValuesOfProperties(propertyIds);
        return new DestructiveCost(string.Join("; ", lost.Select(l => l.Why)), items, values);
    }

    /// <summary>The ids of the property types (on any document type) that use the data type.</summary>
    private List<int> PropertiesUsing(Guid dataTypeKey)
    {
        var dataType = dataTypes.GetAsync(dataTypeKey).GetAwaiter().GetResult();
        return dataType is null
            ? []
            : contentTypes.GetAll().SelectMany(t => t.PropertyTypes)
                .Where(p => p.DataTypeId == dataType.Id)
                .Select(p => p.Id)
                .ToList();
    }

    private (int Items, int Values) ValuesOfProperties(IReadOnlyList<int> propertyTypeIds) =>
        propertyTypeIds.Count == 0 ? (0, 0) : ValuesOf(Sql("d.propertyTypeId IN (@0)", propertyTypeIds));

    /// <summary>The content items, and their values, of the current versions whose rows match the condition.</summary>
    private (int Items, int Values) ValuesOf(Sql condition)
    {
        var database = Database;
        var current = database.SqlContext.SqlSyntax.GetQuotedColumnName("current");
        var sql = new Sql(
            "SELECT COUNT(DISTINCT v.nodeId) AS Items, COUNT(*) AS ValueCount FROM umbracoPropertyData d " +
            "INNER JOIN umbracoContentVersion v ON v.id = d.versionId " +
            "INNER JOIN umbracoContent n ON n.nodeId = v.nodeId " +
            $"WHERE v.{current} = 1 AND (d.intValue IS NOT NULL OR d.decimalValue IS NOT NULL OR d.dateValue IS NOT NULL OR d.varcharValue IS NOT NULL OR d.textValue IS NOT NULL) AND ")
            .Append(condition);
        var counts = database.Single<ValueCounts>(sql);
        return (counts.Items, counts.ValueCount);
    }

    private static Sql Sql(string condition, params object[] arguments) => new(condition, arguments);

    private sealed class ValueCounts
    {
        public int Items { get; set; }

        public int ValueCount { get; set; }
    }
}
