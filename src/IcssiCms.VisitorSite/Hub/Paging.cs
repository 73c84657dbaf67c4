namespace IcssiCms.VisitorSite.Hub;

/// <summary>One page of a long list (a campaign's news, search results): which page, how many per page, how many in all.</summary>
public sealed record Paging(int Page, int PageSize, int Total)
{
    public int Skip => (Page - 1) * PageSize;

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;

    /// <summary>The page asked for in the query string (<c>?page=</c>), 1 when absent or not a page number.</summary>
    public static int Requested(string? page) => int.TryParse(page, out var number) && number is >= 1 and <= 100_000 ? number : 1;
}
