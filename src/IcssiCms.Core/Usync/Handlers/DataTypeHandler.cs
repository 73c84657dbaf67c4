using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using IcssiCms.Usync;
using IcssiCms.Usync.Model;
using IcssiCms.Usync.Writing;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.PropertyEditors;
using Umbraco.Cms.Core.Serialization;
using Umbraco.Cms.Core.Services;

namespace IcssiCms.Core.Usync.Handlers;

/// <summary>
/// Data types, matched by key (Umbraco's own stock data types too, which the hub's folder configures), with their
/// property editor, editor UI, folder and configuration. Configuration is exported as uSync writes it: keys in order,
/// indented by two spaces.
/// </summary>
public sealed class DataTypeHandler(
    IDataTypeService dataTypes,
    IDataTypeContainerService containers,
    IContentTypeService contentTypes,
    IMediaTypeService mediaTypes,
    IMemberTypeService memberTypes,
    PropertyEditorCollection editors,
    IConfigurationEditorJsonSerializer configurationSerializer) : IUsyncItemHandler
{
    private static readonly JsonSerializerOptions ConfigJson = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public UsyncHandler Handler => UsyncHandlers.DataTypes;

    public async Task<int> ImportAsync(UsyncImportContext import, CancellationToken cancellationToken)
    {
        var changed = import.Set.DataTypes.Where(d => import.IsChanged(d.Source)).OrderBy(d => d.Level).ToList();
        foreach (var item in changed)
        {
            if (!editors.TryGet(item.EditorAlias, out var editor))
            {
                throw new UsyncImportException(item.Source, $"No property editor '{item.EditorAlias}' is installed.");
            }

            var folder = await UsyncFolders.EnsureAsync(containers, item.Folder, item.Source);
            var parentId = folder?.Id ?? Constants.System.Root;
            var existing = await dataTypes.GetAsync(item.Key);
            var dataType = existing ?? new DataType(editor, configurationSerializer, parentId) { Key = item.Key };
            dataType.Editor = editor;
            dataType.Name = item.Name;
            dataType.EditorUiAlias = item.EditorUiAlias;
            dataType.DatabaseType = ValueTypes.ToStorageType(editor.GetValueEditor().ValueType);
            dataType.ConfigurationData = configurationSerializer.Deserialize<Dictionary<string, object>>(
                string.IsNullOrWhiteSpace(item.ConfigJson) ? "{}" : item.ConfigJson) ?? [];
            if (existing is not null && existing.ParentId != parentId)
            {
                await dataTypes.MoveAsync(existing, folder?.Key, Constants.Security.SuperUserKey);
            }

            var result = existing is null
                ? await dataTypes.CreateAsync(dataType, Constants.Security.SuperUserKey)
                : await dataTypes.UpdateAsync(dataType, Constants.Security.SuperUserKey);
            if (!result.Success)
            {
                throw new UsyncImportException(item.Source, $"Umbraco refused data type '{item.Name}': {result.Status}.");
            }
        }

        return changed.Count;
    }

    public async Task<int> DeleteAsync(IReadOnlyList<UsyncDelete> deletes, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var delete in deletes)
        {
            var dataType = (delete.Key != Guid.Empty ? await dataTypes.GetAsync(delete.Key) : null) ?? await dataTypes.GetAsync(delete.Alias);
            if (dataType is not null)
            {
                await dataTypes.DeleteAsync(dataType.Key, Constants.Security.SuperUserKey);
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// The hub's data types: those its document types use, and any a developer added that nothing uses yet. Umbraco's
    /// stock data types that only media and member types use, or nothing, are Umbraco's, not the hub's schema.
    /// </summary>
    public async Task<UsyncSet> ExportAsync(UsyncSet set, CancellationToken cancellationToken)
    {
        var usedByDocuments = contentTypes.GetAll().SelectMany(t => t.PropertyTypes).Select(p => p.DataTypeKey).ToHashSet();
        var usedElsewhere = mediaTypes.GetAll().SelectMany(t => t.PropertyTypes)
            .Concat(memberTypes.GetAll().SelectMany(t => t.PropertyTypes))
            .Select(p => p.DataTypeKey)
            .ToHashSet();
        var items = new List<UsyncDataType>();
        foreach (var dataType in await dataTypes.GetAllAsync())
        {
            var hubs = usedByDocuments.Contains(dataType.Key)
                || (!usedElsewhere.Contains(dataType.Key) && !UmbracoStockDataTypes.Contains(dataType.Key));
            if (!hubs)
            {
                continue;
            }

            items.Add(new UsyncDataType(
                dataType.Key,
                dataType.Name ?? string.Empty,
                dataType.Level,
                dataType.EditorAlias,
                dataType.EditorUiAlias ?? string.Empty,
                ConfigurationJson(dataType.ConfigurationData),
                await UsyncFolders.PathOfAsync(containers, dataType),
                UsyncExportSource.Umbraco));
        }

        return set with { DataTypes = items };
    }

    /// <summary>A data type's configuration as uSync writes it: top-level keys in uSync's order, indented.</summary>
    internal static string ConfigurationJson(IDictionary<string, object> configuration)
    {
        var json = new JsonObject();
        foreach (var (key, value) in configuration.OrderBy(c => c.Key, UsyncXml.Order))
        {
            json[key] = value is null ? null : JsonSerializer.SerializeToNode(value, ConfigJson);
        }

        return json.ToJsonString(ConfigJson);
    }

    private static readonly HashSet<Guid> UmbracoStockDataTypes = typeof(Constants.DataTypes.Guids)
        .GetFields()
        .Where(f => f.FieldType == typeof(Guid))
        .Select(f => (Guid)f.GetValue(null)!)
        .ToHashSet();
}
