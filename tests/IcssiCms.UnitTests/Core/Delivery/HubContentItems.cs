using IcssiCms.UnitTests.Support;
using IcssiCms.Usync.Mapping;
using Umbraco.Cms.Core.Models;

namespace IcssiCms.UnitTests.Core.Delivery;

/// <summary>Real Umbraco content items made from the hub's own nodes, for the Delivery API extensions to index.</summary>
internal static class HubContentItems
{
    private static readonly IReadOnlyDictionary<string, ContentType> Types = HubFolder.CreateContentTypes();

    public static Content Node(string file)
    {
        var node = HubFolder.ContentIn(file);
        return UmbracoContentFactory.Create(node, Types[node.ContentTypeAlias]);
    }

    public static Guid KeyOf(string file) => HubFolder.ContentIn(file).Key;
}
