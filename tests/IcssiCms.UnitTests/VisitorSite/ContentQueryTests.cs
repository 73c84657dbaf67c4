using IcssiCms.VisitorSite.Hub;

namespace IcssiCms.UnitTests.VisitorSite;

public sealed class ContentQueryTests
{
    [Fact]
    public void A_query_carries_fetch_filters_sorts_and_paging_escaped()
    {
        var query = new ContentQuery("children:/الحملات/", ["contentType:campaignNews", "campaign:save-the-tigris"], ["publishDate:desc"], 10, 5);
        Assert.Equal(
            "?fetch=children%3A%2F%D8%A7%D9%84%D8%AD%D9%85%D9%84%D8%A7%D8%AA%2F&filter=contentType%3AcampaignNews&filter=campaign%3Asave-the-tigris&sort=publishDate%3Adesc&skip=10&take=5",
            query.ToQueryString());
    }
}
