namespace IcssiCms.VisitorSite.Hub;

/// <summary>A Delivery API v2 query (<c>/content</c>): fetch, filters, sorts, paging, in one culture.</summary>
public sealed record ContentQuery(string? Fetch = null, IReadOnlyList<string>? Filters = null, IReadOnlyList<string>? Sorts = null, int Skip = 0, int Take = 10)
{
    public static ContentQuery ChildrenOf(string path, params string[] sorts) => new($"children:{path}", Sorts: sorts);

    public string ToQueryString()
    {
        var parts = new List<string>();
        if (Fetch is not null)
        {
            parts.Add("fetch=" + Uri.EscapeDataString(Fetch));
        }

        parts.AddRange((Filters ?? []).Select(filter => "filter=" + Uri.EscapeDataString(filter)));
        parts.AddRange((Sorts ?? []).Select(sort => "sort=" + Uri.EscapeDataString(sort)));
        parts.Add($"skip={Skip}");
        parts.Add($"take={Take}");
        return "?" + string.Join('&', parts);
    }
}
