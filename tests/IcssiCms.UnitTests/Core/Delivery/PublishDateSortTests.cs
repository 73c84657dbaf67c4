using IcssiCms.Core.Delivery.Indexing;
using IcssiCms.Core.Delivery.Querying.Sorts;
using IcssiCms.Core.Schema;
using Umbraco.Cms.Core;

namespace IcssiCms.UnitTests.Core.Delivery;

public sealed class PublishDateSortTests
{
    [Theory]
    [InlineData("publishDate:desc", Direction.Descending)]
    [InlineData("publishDate:asc", Direction.Ascending)]
    public void Can_Sort_News_By_Publish_Date(string query, Direction direction)
    {
        var sort = new PublishDateSort();
        Assert.True(sort.CanHandle(query));

        var option = sort.BuildSortOption(query);

        Assert.Equal((PublishDateSortIndexer.FieldName, direction), (option.FieldName, option.Direction));
    }

    [Theory]
    [InlineData("publishDate:newest")]
    [InlineData("publishDates:desc")]
    public void Cannot_Handle_Other_Sorts(string query) => Assert.False(new PublishDateSort().CanHandle(query));

    [Fact]
    public void Indexes_A_News_Items_Publish_Date_And_Nothing_Without_One()
    {
        var indexer = new PublishDateSortIndexer();
        var call = HubContentItems.Node("Content/call-for-international-participants.config");

        Assert.Empty(indexer.GetFieldValues(call, HubCultures.English));

        call.SetValue(HubContentTypes.CampaignNews.PublishDate, "2014-09-15T10:00:00");
        var value = (DateTime)indexer.GetFieldValues(call, HubCultures.English).Single().Values.Single();

        Assert.Equal(new DateTime(2014, 9, 15, 10, 0, 0, DateTimeKind.Utc), value);
        Assert.Empty(indexer.GetFieldValues(HubContentItems.Node("Content/save-the-tigris.config"), HubCultures.English));
    }
}
