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

        var field = direction == Direction.Ascending ? UndatedLastSortField.Ascending(PublishDateSortIndexer.FieldName) : PublishDateSortIndexer.FieldName;
        Assert.Equal((field, direction), (option.FieldName, option.Direction));
    }

    [Theory]
    [InlineData("publishDate:newest")]
    [InlineData("publishDates:desc")]
    public void Cannot_Handle_Other_Sorts(string query) => Assert.False(new PublishDateSort().CanHandle(query));

    [Fact]
    public void Indexes_A_News_Items_Publish_Date_And_Puts_Undated_Items_Last_When_Oldest_Come_First()
    {
        var indexer = new PublishDateSortIndexer();
        var call = HubContentItems.Node("Content/call-for-international-participants.config");
        var ascending = UndatedLastSortField.Ascending(PublishDateSortIndexer.FieldName);

        Assert.Equal([(ascending, DateTime.MaxValue)], Fields(indexer, call));

        call.SetValue(HubContentTypes.CampaignNews.PublishDate, "2014-09-15T10:00:00");
        var date = new DateTime(2014, 9, 15, 10, 0, 0, DateTimeKind.Utc);

        Assert.Equal([(PublishDateSortIndexer.FieldName, date), (ascending, date)], Fields(indexer, call));
        Assert.Equal([(ascending, DateTime.MaxValue)], Fields(indexer, HubContentItems.Node("Content/save-the-tigris.config")));
    }

    private static (string, DateTime)[] Fields(PublishDateSortIndexer indexer, Umbraco.Cms.Core.Models.IContent content) =>
        indexer.GetFieldValues(content, HubCultures.English).Select(v => (v.FieldName, (DateTime)v.Values.Single())).ToArray();
}
