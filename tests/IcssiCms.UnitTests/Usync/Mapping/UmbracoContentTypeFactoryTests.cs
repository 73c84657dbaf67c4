using System.Xml.Linq;
using IcssiCms.Core.Schema;
using IcssiCms.UnitTests.Support;
using IcssiCms.Usync.Mapping;
using Umbraco.Cms.Core.Models;
using Umbraco.Extensions;

namespace IcssiCms.UnitTests.Usync.Mapping;

public sealed class UmbracoContentTypeFactoryTests
{
    private readonly IReadOnlyDictionary<string, ContentType> _types = HubFolder.CreateContentTypes();

    private ContentType Campaign => _types[HubContentTypes.Campaign.Alias];

    [Fact]
    public void Maps_Every_Hub_Document_Type_To_An_Umbraco_Content_Type()
    {
        Assert.Equal(HubContentTypes.All.Order(StringComparer.Ordinal), _types.Keys.Order(StringComparer.Ordinal));
        Assert.All(HubFolder.Set.ContentTypes, source =>
        {
            var type = _types[source.Alias];
            Assert.Equal((source.Key, source.Alias, source.Name), (type.Key, type.Alias, type.Name));
            Assert.Equal(source.Properties.Select(p => p.Alias).Order(StringComparer.Ordinal), type.PropertyTypes.Select(p => p.Alias).Order(StringComparer.Ordinal));
        });
    }

    [Fact]
    public void Campaign_Is_Composed_Of_Page_Header_And_Seo_Controls()
    {
        Assert.IsType<ContentType>(Campaign);
        Assert.Equal(
            [HubContentTypes.PageHeader.Alias, HubContentTypes.SeoControls.Alias],
            Campaign.ContentTypeComposition.Select(c => c.Alias).Order(StringComparer.Ordinal));
        Assert.Same(_types[HubContentTypes.PageHeader.Alias], Campaign.ContentTypeComposition.Single(c => c.Alias == HubContentTypes.PageHeader.Alias));
    }

    [Fact]
    public void Campaign_Varies_By_Culture()
    {
        Assert.True(Campaign.VariesByCulture());
        Assert.Equal(ContentVariation.Culture, Campaign.Variations);
    }

    [Theory]
    [InlineData(HubContentTypes.Campaign.Body, "Umbraco.RichText", ValueStorageType.Ntext, true)]
    [InlineData(HubContentTypes.Campaign.DisplayOrder, "Umbraco.Integer", ValueStorageType.Integer, false)]
    [InlineData(HubContentTypes.Campaign.Hashtag, "Umbraco.TextBox", ValueStorageType.Nvarchar, false)]
    [InlineData(HubContentTypes.Campaign.Status, "Umbraco.DropDown.Flexible", ValueStorageType.Nvarchar, false)]
    public void Campaign_Properties_Use_The_Editor_And_Storage_Of_Their_Data_Types(string alias, string editor, ValueStorageType storage, bool variesByCulture)
    {
        var property = Campaign.PropertyTypes.Single(p => p.Alias == alias);

        Assert.Equal(editor, property.PropertyEditorAlias);
        Assert.Equal(storage, property.ValueStorageType);
        Assert.Equal(variesByCulture, property.VariesByCulture());
        var source = HubFolder.Set.ContentTypes.Single(t => t.Alias == HubContentTypes.Campaign.Alias).Properties.Single(p => p.Alias == alias);
        Assert.Equal(source.DataTypeKey, property.DataTypeKey);
    }

    [Fact]
    public void Campaign_Gets_Its_Title_Through_The_Page_Header_Composition()
    {
        Assert.DoesNotContain(Campaign.PropertyTypes, p => p.Alias == HubContentTypes.PageHeader.Title);
        var title = Assert.Single(Campaign.CompositionPropertyTypes, p => p.Alias == HubContentTypes.PageHeader.Title);
        var fromPageHeader = _types[HubContentTypes.PageHeader.Alias].PropertyTypes.Single(p => p.Alias == HubContentTypes.PageHeader.Title);
        Assert.Equal((fromPageHeader.Key, fromPageHeader.PropertyEditorAlias, true), (title.Key, title.PropertyEditorAlias, title.VariesByCulture()));
        Assert.Contains(Campaign.CompositionPropertyTypes, p => p.Alias == HubContentTypes.SeoControls.MetaTitle);
    }

    [Fact]
    public void Campaign_Status_Is_Mandatory_And_Display_Order_Is_Not()
    {
        Assert.True(Campaign.PropertyTypes.Single(p => p.Alias == HubContentTypes.Campaign.Status).Mandatory);
        Assert.False(Campaign.PropertyTypes.Single(p => p.Alias == HubContentTypes.Campaign.DisplayOrder).Mandatory);
    }

    [Fact]
    public void Campaign_Hashtag_Keeps_Its_Validation_Pattern_And_Message()
    {
        var hashtag = Campaign.PropertyTypes.Single(p => p.Alias == HubContentTypes.Campaign.Hashtag);
        var file = XDocument.Load(Path.Combine(HubFolder.Path, "ContentTypes/campaign.config"));
        var source = file.Descendants("GenericProperty").Single(p => (string?)p.Element("Alias") == HubContentTypes.Campaign.Hashtag);

        Assert.Equal(source.Element("Validation")!.Value, hashtag.ValidationRegExp);
        Assert.Equal(source.Element("ValidationRegExpMessage")!.Value, hashtag.ValidationRegExpMessage);
        Assert.Matches(hashtag.ValidationRegExp!, "#SaveTheTigris");
        Assert.DoesNotMatch(hashtag.ValidationRegExp!, "Save the Tigris");
    }

    [Fact]
    public void Hub_Home_Is_Allowed_At_The_Root_And_Allows_The_Three_Lists()
    {
        var hubHome = _types[HubContentTypes.HubHome.Alias];

        Assert.True(hubHome.AllowedAsRoot);
        Assert.Equal(
            [HubContentTypes.CampaignList.Alias, HubContentTypes.ConferenceList.Alias, HubContentTypes.PartnerList.Alias],
            hubHome.AllowedContentTypes!.OrderBy(c => c.SortOrder).Select(c => c.Alias));
        Assert.Equal(
            [_types[HubContentTypes.CampaignList.Alias].Key, _types[HubContentTypes.ConferenceList.Alias].Key, _types[HubContentTypes.PartnerList.Alias].Key],
            hubHome.AllowedContentTypes!.OrderBy(c => c.SortOrder).Select(c => c.Key));
        Assert.False(Campaign.AllowedAsRoot);
    }

    [Fact]
    public void Campaign_News_Campaigns_Are_Not_Mandatory_So_The_Hubs_Publishing_Rule_Gives_Its_Own_Message()
    {
        var campaigns = _types[HubContentTypes.CampaignNews.Alias].PropertyTypes.Single(p => p.Alias == HubContentTypes.CampaignNews.Campaigns);

        Assert.False(campaigns.Mandatory);
        Assert.True(string.IsNullOrEmpty(campaigns.MandatoryMessage));
        Assert.Equal("Umbraco.MultiNodeTreePicker", campaigns.PropertyEditorAlias);
    }

    [Fact]
    public void A_Campaign_Item_Keeps_Its_Values_Per_Culture()
    {
        var tigris = HubFolder.ContentIn("Content/save-the-tigris.config");
        string SummaryIn(string culture) => tigris.Properties.Single(v => v.Alias == HubContentTypes.PageHeader.Summary && v.Culture == culture).Value;

        var item = new Content(tigris.Name, -1, Campaign);
        foreach (var (culture, name) in tigris.CultureNames)
        {
            item.SetCultureName(name, culture);
            item.SetValue(HubContentTypes.PageHeader.Summary, SummaryIn(culture), culture);
        }

        item.SetValue(HubContentTypes.Campaign.DisplayOrder, 1);

        Assert.Equal(tigris.NameIn(HubCultures.Arabic), item.GetCultureName(HubCultures.Arabic));
        Assert.Equal(tigris.NameIn(HubCultures.English), item.GetCultureName(HubCultures.English));
        Assert.Equal(SummaryIn(HubCultures.Arabic), item.GetValue<string>(HubContentTypes.PageHeader.Summary, HubCultures.Arabic));
        Assert.Equal(SummaryIn(HubCultures.English), item.GetValue<string>(HubContentTypes.PageHeader.Summary, HubCultures.English));
        Assert.NotEqual(item.GetValue<string>(HubContentTypes.PageHeader.Summary, HubCultures.Arabic), item.GetValue<string>(HubContentTypes.PageHeader.Summary, HubCultures.English));
        Assert.Null(item.GetValue(HubContentTypes.PageHeader.Summary, HubCultures.SoraniKurdish));
        Assert.Equal(1, item.GetValue<int>(HubContentTypes.Campaign.DisplayOrder));
        Assert.Equal(
            tigris.CultureNames.Keys.Order(StringComparer.OrdinalIgnoreCase),
            item.AvailableCultures.Order(StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_Campaign_Item_Refuses_A_Culture_Value_For_Its_Invariant_Display_Order()
    {
        var item = new Content("Save the Tigris", -1, Campaign);

        Assert.ThrowsAny<NotSupportedException>(() => item.SetValue(HubContentTypes.Campaign.DisplayOrder, 1, HubCultures.English));
    }

    [Fact]
    public void Each_Call_Builds_New_Umbraco_Objects()
    {
        var again = new UmbracoContentTypeFactory().Create(HubFolder.Set);

        Assert.NotSame(Campaign, again[HubContentTypes.Campaign.Alias]);
        Assert.Equal(Campaign.Key, again[HubContentTypes.Campaign.Alias].Key);
    }
}
