using IcssiCms.Usync.Model;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Models;
using Umbraco.Extensions;

namespace IcssiCms.Usync.Mapping;

/// <summary>
/// Builds Umbraco's own <see cref="Content"/> for a content node, with its names and values per culture: what
/// Umbraco's <see cref="global::Umbraco.Cms.Core.DeliveryApi.IContentIndexHandler"/>s are given to index.
/// </summary>
public static class UmbracoContentFactory
{
    public static Content Create(UsyncContent node, IContentType type)
    {
        var content = new Content(node.Name, Constants.System.Root, type)
        {
            Key = node.Key,
            Level = node.Level,
            SortOrder = node.SortOrder,
            CreateDate = node.CreateDate,
        };

        if (type.VariesByCulture())
        {
            foreach (var (culture, name) in node.CultureNames)
            {
                content.SetCultureName(name, culture);
            }
        }

        foreach (var value in node.Properties)
        {
            if (content.HasProperty(value.Alias))
            {
                content.SetValue(value.Alias, value.Value, value.Culture, value.Segment);
            }
        }

        return content;
    }
}
