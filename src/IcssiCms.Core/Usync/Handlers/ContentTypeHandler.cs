using IcssiCms.Usync;
using IcssiCms.Usync.Model;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Services;
using Umbraco.Cms.Core.Strings;

namespace IcssiCms.Core.Usync.Handlers;

/// <summary>
/// Document types, matched by key: their settings, folder, tabs and groups, and properties each on its own data type
/// (by key: with only the editor alias, Umbraco would take the first data type of that editor). Compositions and allowed
/// children refer to types that may come later in the folder, so they are set in a second pass, once every type exists.
/// A group or property the file no longer has is removed, as uSync removes it.
/// </summary>
public sealed class ContentTypeHandler(
    IContentTypeService contentTypes,
    IContentTypeContainerService containers,
    IDataTypeService dataTypes,
    IShortStringHelper shortStrings) : IUsyncItemHandler
{
    public UsyncHandler Handler => UsyncHandlers.ContentTypes;

    public async Task<int> ImportAsync(UsyncImportContext import, CancellationToken cancellationToken)
    {
        var changed = import.Set.ContentTypes.Where(t => import.IsChanged(t.Source)).OrderBy(t => t.Level).ToList();
        foreach (var item in changed)
        {
            await SaveAsync(item);
        }

        foreach (var item in changed)
        {
            var type = contentTypes.Get(item.Key) ?? throw new UsyncImportException(item.Source, $"Document type '{item.Alias}' was not saved.");
            SetCompositions(type, item);
            type.AllowedContentTypes = item.AllowedChildren
                .OrderBy(c => c.SortOrder)
                .Select(c => new ContentTypeSort(c.Key, c.SortOrder, c.Alias))
                .ToList();
            Check(await contentTypes.UpdateAsync(type, Constants.Security.SuperUserKey), item);
        }

        return changed.Count;
    }

    public async Task<int> DeleteAsync(IReadOnlyList<UsyncDelete> deletes, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var delete in deletes)
        {
            var type = (delete.Key != Guid.Empty ? contentTypes.Get(delete.Key) : null) ?? contentTypes.Get(delete.Alias);
            if (type is not null)
            {
                // Umbraco deletes the type's content with it, as uSync's delete does.
                await contentTypes.DeleteAsync(type.Key, Constants.Security.SuperUserKey);
                count++;
            }
        }

        return count;
    }

    public async Task<UsyncSet> ExportAsync(UsyncSet set, CancellationToken cancellationToken)
    {
        var items = new List<UsyncContentType>();
        foreach (var type in contentTypes.GetAll())
        {
            var groupOf = type.PropertyGroups
                .SelectMany(g => g.PropertyTypes?.Select(p => (Property: p.Key, Group: g)) ?? [])
                .ToDictionary(x => x.Property, x => x.Group);
            items.Add(new UsyncContentType(
                type.Key,
                type.Alias,
                type.Level,
                type.Name ?? string.Empty,
                type.Icon ?? string.Empty,
                type.Description ?? string.Empty,
                type.AllowedAsRoot,
                type.Variations,
                type.IsElement,
                await UsyncFolders.PathOfAsync(containers, type),
                type.ContentTypeComposition.Select(c => new UsyncReference(c.Key, c.Alias, 0, 0)).ToList(),
                (type.AllowedContentTypes ?? []).Select(a => new UsyncReference(a.Key, a.Alias, a.SortOrder, 0)).ToList(),
                type.PropertyTypes
                    .Select(p => new UsyncPropertyType(
                        p.Key,
                        p.Alias,
                        p.Name,
                        p.DataTypeKey,
                        p.PropertyEditorAlias,
                        p.Mandatory,
                        p.ValidationRegExp,
                        p.Description,
                        p.SortOrder,
                        groupOf.GetValueOrDefault(p.Key)?.Alias ?? string.Empty,
                        groupOf.GetValueOrDefault(p.Key)?.Name ?? string.Empty,
                        p.Variations,
                        p.MandatoryMessage,
                        p.ValidationRegExpMessage,
                        p.LabelOnTop,
                        0))
                    .ToList(),
                type.PropertyGroups
                    .Select(g => new UsyncTab(g.Key, g.Alias, g.Name ?? string.Empty, g.Type == PropertyGroupType.Tab ? "Tab" : "Group", g.SortOrder, 0))
                    .ToList(),
                UsyncExportSource.Umbraco));
        }

        return set with { ContentTypes = items };
    }

    private async Task SaveAsync(UsyncContentType item)
    {
        var folder = await UsyncFolders.EnsureAsync(containers, item.Folder, item.Source);
        var existing = contentTypes.Get(item.Key);
        var type = existing ?? new ContentType(shortStrings, folder?.Id ?? Constants.System.Root) { Key = item.Key };
        type.Alias = item.Alias;
        type.Name = item.Name;
        type.Icon = item.Icon;
        type.Description = item.Description;
        type.AllowedAsRoot = item.AllowAtRoot;
        type.IsElement = item.IsElement;
        type.Variations = item.Variations;

        SetGroups(type, item);
        await SetPropertiesAsync(type, item);

        Check(existing is null
            ? await contentTypes.CreateAsync(type, Constants.Security.SuperUserKey)
            : await contentTypes.UpdateAsync(type, Constants.Security.SuperUserKey), item);

        if (existing is not null && existing.ParentId != (folder?.Id ?? Constants.System.Root))
        {
            var moved = await contentTypes.MoveAsync(item.Key, folder?.Key);
            if (!moved.Success)
            {
                throw new UsyncImportException(item.Source, $"Umbraco refused to move document type '{item.Alias}' to folder '{item.Folder}': {moved.Status}.");
            }
        }
    }

    private static void SetGroups(IContentType type, UsyncContentType item)
    {
        foreach (var tab in item.Tabs)
        {
            var group = type.PropertyGroups.FirstOrDefault(g => g.Key == tab.Key)
                ?? type.PropertyGroups.FirstOrDefault(g => string.Equals(g.Alias, tab.Alias, StringComparison.OrdinalIgnoreCase));
            var isNew = group is null;
            group ??= new PropertyGroup(new PropertyTypeCollection(true)) { Key = tab.Key };
            group.Alias = tab.Alias;
            group.Name = tab.Caption;
            group.SortOrder = tab.SortOrder;
            group.Type = tab.Type == "Tab" ? PropertyGroupType.Tab : PropertyGroupType.Group;
            if (isNew)
            {
                type.PropertyGroups.Add(group);
            }
        }

        var kept = item.Tabs.Select(t => t.Key).ToHashSet();
        foreach (var stale in type.PropertyGroups.Where(g => !kept.Contains(g.Key)).Select(g => g.Alias).ToList())
        {
            type.RemovePropertyGroup(stale);
        }
    }

    private async Task SetPropertiesAsync(IContentType type, UsyncContentType item)
    {
        foreach (var property in item.Properties)
        {
            var dataType = await dataTypes.GetAsync(property.DataTypeKey)
                ?? throw new UsyncImportException(item.Source with { Line = property.Line }, $"Property '{property.Alias}' uses data type {property.DataTypeKey}, which Umbraco does not have.");

            var propertyType = type.PropertyTypes.FirstOrDefault(p => p.Key == property.Key)
                ?? type.PropertyTypes.FirstOrDefault(p => string.Equals(p.Alias, property.Alias, StringComparison.OrdinalIgnoreCase));
            var isNew = propertyType is null;
            propertyType ??= new PropertyType(shortStrings, dataType, property.Alias) { Key = property.Key };

            propertyType.Alias = property.Alias;
            propertyType.Name = property.Name;
            propertyType.Description = property.Description;
            propertyType.DataTypeId = dataType.Id;
            propertyType.DataTypeKey = dataType.Key;
            propertyType.PropertyEditorAlias = dataType.EditorAlias;
            propertyType.ValueStorageType = dataType.DatabaseType;
            propertyType.Mandatory = property.Mandatory;
            propertyType.MandatoryMessage = property.MandatoryMessage;
            propertyType.ValidationRegExp = property.Validation;
            propertyType.ValidationRegExpMessage = property.ValidationMessage;
            propertyType.SortOrder = property.SortOrder;
            propertyType.LabelOnTop = property.LabelOnTop;
            propertyType.Variations = property.Variations;

            if (isNew)
            {
                type.AddPropertyType(propertyType, property.TabAlias, property.TabCaption);
            }
            else if (!type.PropertyGroups.Any(g => g.Alias == property.TabAlias && g.PropertyTypes?.Contains(propertyType.Alias) == true))
            {
                type.MovePropertyType(propertyType.Alias, property.TabAlias);
            }
        }

        var kept = item.Properties.Select(p => p.Key).ToHashSet();
        foreach (var stale in type.PropertyTypes.Where(p => !kept.Contains(p.Key)).Select(p => p.Alias).ToList())
        {
            type.RemovePropertyType(stale);
        }
    }

    private void SetCompositions(IContentType type, UsyncContentType item)
    {
        var wanted = item.Compositions.Select(c => c.Key).ToHashSet();
        foreach (var stale in type.ContentTypeComposition.Where(c => !wanted.Contains(c.Key)).Select(c => c.Key).ToList())
        {
            type.RemoveContentType(stale);
        }

        foreach (var composition in item.Compositions.Where(c => type.ContentTypeComposition.All(existing => existing.Key != c.Key)))
        {
            var compositionType = contentTypes.Get(composition.Key)
                ?? throw new UsyncImportException(item.Source with { Line = composition.Line }, $"Composition '{composition.Alias}' is not in Umbraco.");
            if (!type.AddContentType(compositionType))
            {
                throw new UsyncImportException(item.Source with { Line = composition.Line }, $"Umbraco refused composition '{composition.Alias}' on '{item.Alias}'.");
            }
        }
    }

    private static void Check(Attempt<Umbraco.Cms.Core.Services.OperationStatus.ContentTypeOperationStatus> result, UsyncContentType item)
    {
        if (!result.Success)
        {
            throw new UsyncImportException(item.Source, $"Umbraco refused document type '{item.Alias}': {result.Result}.");
        }
    }
}
