using IcssiCms.Core.Delivery.Indexing;
using IcssiCms.Core.Delivery.Querying.Filters;
using IcssiCms.Core.Schema;
using Umbraco.Cms.Core.DeliveryApi;

namespace IcssiCms.UnitTests.Core.Delivery;

public sealed class SearchTests
{
    private readonly SearchTextIndexer _indexer = new();

    [Fact]
    public void Indexes_The_Name_And_Text_Of_A_Campaign_In_Each_Culture_Without_Markup()
    {
        var tigris = HubContentItems.Node("Content/save-the-tigris.config");

        var english = (string)_indexer.GetFieldValues(tigris, HubCultures.English).Single().Values.Single();
        var arabic = (string)_indexer.GetFieldValues(tigris, HubCultures.Arabic).Single().Values.Single();

        Assert.StartsWith("Save the Tigris", english);
        Assert.Contains("Iraqi Social Forum", english);
        Assert.DoesNotContain("<p>", english);
        Assert.DoesNotContain("markup", english);
        Assert.StartsWith("أنقذوا نهر دجلة", arabic);
        Assert.DoesNotContain("Save the Tigris", arabic);
    }

    [Fact]
    public void Indexes_Tags_As_Words()
    {
        var call = HubContentItems.Node("Content/call-for-international-participants.config");

        var english = (string)_indexer.GetFieldValues(call, HubCultures.English).Single().Values.Single();

        Assert.Contains("Oslo ICSSI Conference 2014 Iraqi Social Forum", english);
        Assert.DoesNotContain("[\"", english);
    }

    [Fact]
    public void The_Search_Field_Is_Analyzed_And_Varies_By_Culture()
    {
        var field = Assert.Single(_indexer.GetFields());

        Assert.Equal((SearchTextIndexer.FieldName, FieldType.StringAnalyzed, true), (field.FieldName, field.FieldType, field.VariesByCulture));
    }

    [Fact]
    public void Can_Build_A_Search_Filter_For_The_Words_Given()
    {
        var filter = new SearchFilter();
        Assert.True(filter.CanHandle("search: Tigris dam "));

        var option = filter.BuildFilterOption("search: Tigris dam ");

        Assert.Equal((SearchTextIndexer.FieldName, FilterOperation.Contains), (option.FieldName, option.Operator));
        Assert.Equal(["Tigris dam"], option.Values);
    }
}
