using IcssiCms.VisitorSite.Hub;

namespace IcssiCms.UnitTests.VisitorSite;

public sealed class PagingTests
{
    [Theory]
    [InlineData(null, 1)]
    [InlineData("3", 3)]
    [InlineData("0", 1)]
    [InlineData("-2", 1)]
    [InlineData("two", 1)]
    [InlineData("100001", 1)]
    public void The_page_asked_for_is_a_page_number_or_the_first(string? query, int expected) =>
        Assert.Equal(expected, Paging.Requested(query));

    [Theory]
    [InlineData(1, 25, 3, false, true, 0)]
    [InlineData(3, 25, 3, true, false, 20)]
    [InlineData(1, 10, 1, false, false, 0)]
    [InlineData(1, 0, 1, false, false, 0)]
    public void Pages_of_ten(int page, int total, int pageCount, bool hasPrevious, bool hasNext, int skip)
    {
        var paging = new Paging(page, 10, total);
        Assert.Equal(pageCount, paging.PageCount);
        Assert.Equal(hasPrevious, paging.HasPrevious);
        Assert.Equal(hasNext, paging.HasNext);
        Assert.Equal(skip, paging.Skip);
    }
}
