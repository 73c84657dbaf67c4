using IcssiCms.Core.Delivery.Indexing;
using IcssiCms.Core.Delivery.Querying.Filters;
using IcssiCms.Core.Schema;
using Umbraco.Cms.Core.DeliveryApi;
using Umbraco.Cms.Core.Models.PublishedContent;

namespace IcssiCms.UnitTests.Core.Delivery;

public sealed class SearchTests
{
    private readonly SearchTextIndexer _indexer = new();

    [Fact]
    public void Indexes_The_Name_And_Text_Of_A_Campaign_In_Each_Culture_Without_Markup()
    {
        var tigris = HubContentItems.Node("Content/save-the-tigris.config");

        var english = Words(tigris, HubCultures.English, SearchTextIndexer.FieldName);
        var arabic = Words(tigris, HubCultures.Arabic, SearchTextIndexer.FieldName);

        Assert.StartsWith("Save the Tigris", english);
        Assert.Contains("Iraqi Social Forum", english);
        Assert.DoesNotContain("<p>", english);
        Assert.DoesNotContain("markup", english);
        Assert.StartsWith("أنقذوا نهر دجلة", arabic);
        Assert.DoesNotContain("Save the Tigris", arabic);
    }

    [Fact]
    public void Arabic_And_Sorani_Words_Also_Go_In_Their_Languages_Own_Field()
    {
        var tigris = HubContentItems.Node("Content/save-the-tigris.config");

        Assert.Equal(
            [SearchTextIndexer.FieldName],
            _indexer.GetFieldValues(tigris, HubCultures.English).Select(v => v.FieldName));
        Assert.Equal(
            [SearchTextIndexer.FieldName, "searchText_ar"],
            _indexer.GetFieldValues(tigris, HubCultures.Arabic).Select(v => v.FieldName));
        Assert.Equal(Words(tigris, HubCultures.Arabic, SearchTextIndexer.FieldName), Words(tigris, HubCultures.Arabic, "searchText_ar"));
        Assert.Equal("searchText_ckb", SearchLanguages.FieldFor("ckb-IQ"));
        Assert.Equal(SearchTextIndexer.FieldName, SearchLanguages.FieldFor("en-GB"));
    }

    [Fact]
    public void Indexes_Tags_As_Words()
    {
        var call = HubContentItems.Node("Content/call-for-international-participants.config");

        var english = Words(call, HubCultures.English, SearchTextIndexer.FieldName);

        Assert.Contains("Oslo ICSSI Conference 2014 Iraqi Social Forum", english);
        Assert.DoesNotContain("[\"", english);
    }

    [Fact]
    public void The_Search_Fields_Are_Analyzed_And_Vary_By_Culture()
    {
        var fields = _indexer.GetFields().ToList();

        Assert.Equal([SearchTextIndexer.FieldName, "searchText_ar", "searchText_ckb"], fields.Select(f => f.FieldName).Order());
        Assert.All(fields, field => Assert.Equal((FieldType.StringAnalyzed, true), (field.FieldType, field.VariesByCulture)));
    }

    [Theory]
    [InlineData("en-US", "searchText")]
    [InlineData("ar", "searchText_ar")]
    [InlineData("ckb", "searchText_ckb")]
    public void A_Search_Looks_In_The_Field_Of_The_Requests_Language(string culture, string field)
    {
        var filter = new SearchFilter(new RequestCulture(culture));
        Assert.True(filter.CanHandle("search: Tigris dam "));

        var option = filter.BuildFilterOption("search: Tigris dam ");

        Assert.Equal((field, FilterOperation.Is), (option.FieldName, option.Operator));
        Assert.Equal(["Tigris dam"], option.Values);
    }

    /// <summary>The request's culture, as Umbraco's Delivery API sets it from Accept-Language.</summary>
    private sealed class RequestCulture(string culture) : IVariationContextAccessor
    {
        public VariationContext? VariationContext { get; set; } = new(culture);
    }

    private string Words(Umbraco.Cms.Core.Models.IContent content, string culture, string field) =>
        (string)_indexer.GetFieldValues(content, culture).Single(v => v.FieldName == field).Values.Single();
}
