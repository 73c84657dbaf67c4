using IcssiCms.Core.Delivery;
using IcssiCms.Core.Delivery.Indexing;
using IcssiCms.Core.Delivery.Querying.Filters;
using IcssiCms.UnitTests.Support;
using Umbraco.Cms.Core.DeliveryApi;

namespace IcssiCms.UnitTests.Core.Delivery;

public sealed class CampaignFilterTests
{
    private const string CallFile = "Content/call-for-international-participants.config";

    private readonly CampaignFilter _filter = new();

    [Theory]
    [InlineData("campaign:save-the-tigris")]
    [InlineData("Campaign:Save-The-Tigris")]
    public void Can_Build_A_Campaign_Filter_For_A_Slug(string query)
    {
        Assert.True(_filter.CanHandle(query));

        var option = _filter.BuildFilterOption(query);

        Assert.Equal(CampaignFilterIndexer.FieldName, option.FieldName);
        Assert.Equal(["save-the-tigris"], option.Values);
        Assert.Equal(FilterOperation.Is, option.Operator);
    }

    [Fact]
    public void Can_Build_A_Negated_Campaign_Filter_For_Several_Slugs()
    {
        var option = _filter.BuildFilterOption("campaign:!save-the-tigris, womens-rights");

        Assert.Equal(["save-the-tigris", "womens-rights"], option.Values);
        Assert.Equal(FilterOperation.IsNot, option.Operator);
    }

    [Theory]
    [InlineData("contentType:campaign")]
    [InlineData("campaigns:save-the-tigris")]
    public void Cannot_Handle_Other_Filters(string query) => Assert.False(_filter.CanHandle(query));

    [Fact]
    public void Indexes_The_Slugs_Of_Every_Campaign_The_Call_Picks()
    {
        var slugs = new SlugsFromHub();
        var indexer = new CampaignFilterIndexer(slugs);

        var values = indexer.GetFieldValues(HubContentItems.Node(CallFile), culture: null).Single();

        Assert.Equal(CampaignFilterIndexer.FieldName, values.FieldName);
        Assert.Equal(
            ["freedom-of-expression", "save-the-tigris", "sports-against-violence", "stop-private-military-and-security-companies", "womens-rights", "workers-rights"],
            values.Values.Cast<string>().Order(StringComparer.Ordinal));
        Assert.Single(indexer.GetFields(), f => f.FieldName == CampaignFilterIndexer.FieldName && f.FieldType == FieldType.StringRaw && !f.VariesByCulture);
    }

    [Fact]
    public void Indexes_Nothing_For_A_Campaign_Itself()
    {
        var indexer = new CampaignFilterIndexer(new SlugsFromHub());

        Assert.Empty(indexer.GetFieldValues(HubContentItems.Node("Content/save-the-tigris.config"), culture: null));
    }

    [Fact]
    public void Skips_A_Picked_Campaign_That_Has_No_Slug()
    {
        var indexer = new CampaignFilterIndexer(new SlugsFromHub(except: HubContentItems.KeyOf("Content/save-the-tigris.config")));

        var values = indexer.GetFieldValues(HubContentItems.Node(CallFile), culture: null).Single();

        Assert.DoesNotContain("save-the-tigris", values.Values.Cast<string>());
        Assert.Equal(5, values.Values.Count());
    }

    /// <summary>Slugs as the hub's English names give them, as a site's URL service would.</summary>
    private sealed class SlugsFromHub(Guid? except = null) : ICampaignSlugs
    {
        public string? SlugOf(Guid campaignKey) =>
            campaignKey == except ? null : HubFolder.Set.Content.Where(c => c.Key == campaignKey)
                .Select(c => IcssiCms.Usync.Mapping.UmbracoStrings.UrlSegment(c.NameIn("en-US"), "en-US"))
                .SingleOrDefault();
    }
}
