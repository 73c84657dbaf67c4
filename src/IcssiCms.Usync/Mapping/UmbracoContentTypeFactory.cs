using IcssiCms.Usync.Editors;
using IcssiCms.Usync.Model;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Strings;

namespace IcssiCms.Usync.Mapping;

/// <summary>
/// Builds Umbraco's own <see cref="ContentType"/> objects from a validated uSync set, as uSync's serializer
/// would in a site: groups and properties first, then compositions and allowed children in a second pass, so
/// that types may refer to types defined later in the set. Umbraco's model enforces its own rules on the way
/// (for example, a composition may not bring a property alias the type already has).
/// </summary>
public sealed class UmbracoContentTypeFactory(IShortStringHelper shortStringHelper)
{
    public UmbracoContentTypeFactory()
        : this(UmbracoStrings.ShortStringHelper)
    {
    }

    /// <summary>The set's document types by alias.</summary>
    public IReadOnlyDictionary<string, ContentType> Create(UsyncSet set)
    {
        var dataTypes = set.DataTypes.ToDictionary(d => d.Key);
        var types = set.ContentTypes
            .OrderBy(t => t.Level)
            .ToDictionary(t => t.Key, t => (Source: t, Model: CreateType(t, dataTypes)));

        foreach (var (source, model) in types.Values)
        {
            foreach (var composition in source.Compositions)
            {
                if (!model.AddContentType(types[composition.Key].Model))
                {
                    throw new InvalidOperationException($"Umbraco refused composition '{composition.Alias}' on '{source.Alias}'.");
                }
            }

            model.AllowedContentTypes = source.AllowedChildren
                .OrderBy(c => c.SortOrder)
                .Select(c => new ContentTypeSort(c.Key, c.SortOrder, c.Alias))
                .ToList();
        }

        return types.Values.ToDictionary(t => t.Model.Alias, t => t.Model, StringComparer.OrdinalIgnoreCase);
    }

    private ContentType CreateType(UsyncContentType source, IReadOnlyDictionary<Guid, UsyncDataType> dataTypes)
    {
        var type = new ContentType(shortStringHelper, Constants.System.Root)
        {
            Key = source.Key,
            Alias = source.Alias,
            Name = source.Name,
            Icon = source.Icon,
            Description = source.Description,
            AllowedAsRoot = source.AllowAtRoot,
            IsElement = source.IsElement,
            Variations = source.Variations,
        };

        foreach (var tab in source.Tabs.OrderBy(t => t.SortOrder))
        {
            type.PropertyGroups.Add(new PropertyGroup(new PropertyTypeCollection(type.SupportsPublishing))
            {
                Key = tab.Key,
                Alias = tab.Alias,
                Name = tab.Caption,
                SortOrder = tab.SortOrder,
                Type = tab.Type == "Tab" ? PropertyGroupType.Tab : PropertyGroupType.Group,
            });
        }

        foreach (var property in source.Properties.OrderBy(p => p.SortOrder))
        {
            var dataType = dataTypes[property.DataTypeKey];
            var editor = PropertyEditorCatalog.Get(dataType.EditorAlias);
            var propertyType = new PropertyType(shortStringHelper, editor.Alias, editor.Storage, property.Alias)
            {
                Key = property.Key,
                Name = property.Name,
                Description = property.Description,
                DataTypeKey = dataType.Key,
                Mandatory = property.Mandatory,
                MandatoryMessage = property.MandatoryMessage,
                ValidationRegExp = property.Validation,
                ValidationRegExpMessage = property.ValidationMessage,
                SortOrder = property.SortOrder,
                LabelOnTop = property.LabelOnTop,
                Variations = property.Variations,
            };

            if (!type.AddPropertyType(propertyType, property.TabAlias, property.TabCaption))
            {
                throw new InvalidOperationException($"Umbraco refused property '{property.Alias}' on '{source.Alias}'.");
            }
        }

        return type;
    }
}
