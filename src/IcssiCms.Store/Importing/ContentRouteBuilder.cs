using IcssiCms.Store.Storage;

namespace IcssiCms.Store.Importing;

/// <summary>
/// Works out each node's route per culture as Umbraco does with its defaults: the URL segments of the
/// ancestors' names below the root, every root itself hidden (<c>HideTopLevelNodeFromPath</c>), a trailing
/// slash, and no route where the node or an ancestor is unpublished in that culture.
/// </summary>
public static class ContentRouteBuilder
{
    public sealed record NodeCulture(Guid NodeKey, Guid? ParentKey, int Level, int SortOrder, string Culture, string UrlSegment, bool Published);

    /// <summary>The route of every (node, culture): null where it has none.</summary>
    public static Dictionary<(Guid Node, string Culture), string?> Build(IReadOnlyList<NodeCulture> rows, string defaultCulture)
    {
        var byNode = rows.GroupBy(r => r.NodeKey).ToDictionary(g => g.Key, g => g.ToDictionary(r => r.Culture, StringComparer.OrdinalIgnoreCase));
        var routes = new Dictionary<(Guid, string), string?>();

        string? RouteOf(Guid node, string culture)
        {
            if (!byNode.TryGetValue(node, out var cultures))
            {
                return null;
            }

            var row = cultures.GetValueOrDefault(culture) ?? cultures.GetValueOrDefault(string.Empty) ?? cultures.GetValueOrDefault(defaultCulture);
            if (row is null)
            {
                return null;
            }

            var key = (node, row.Culture);
            if (routes.TryGetValue(key, out var known))
            {
                return known;
            }

            string? route;
            if (!row.Published)
            {
                route = null;
            }
            else if (row.ParentKey is null)
            {
                // Every root is "/": several roots (sites) are told apart by the Start-Item header, as in Umbraco.
                route = "/";
            }
            else
            {
                var parentRoute = RouteOf(row.ParentKey.Value, culture);
                route = parentRoute is null ? null : $"{parentRoute}{row.UrlSegment}/";
            }

            routes[key] = route;
            return route;
        }

        foreach (var row in rows.OrderBy(r => r.Level))
        {
            RouteOf(row.NodeKey, row.Culture);
        }

        return routes;
    }
}
