using System.Net;
using IcssiCms.Core.Schema;

namespace IcssiCms.Web.IntegrationTests.Delivery;

/// <summary><c>DisallowedContentTypeAliases</c>: partners are kept out of the API.</summary>
[Collection(ConfiguredSiteCollection.Name)]
public sealed class ContentTypeAccessTests(ConfiguredSite site)
{
    private DeliveryApiClient Api { get; } = new(site.CreateClient());

    [Fact]
    public async Task A_Disallowed_Content_Type_Is_Not_Found_By_Route()
    {
        using var response = await Api.SendAsync(DeliveryApiClient.ItemByPathUrl("/partners/karibu-foundation/"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_Disallowed_Content_Type_Is_Not_In_Query_Results()
    {
        var partners = await Api.QueryAsync(("filter", $"contentType:{HubContentTypes.Partner.Alias}"));
        var belowPartners = await Api.QueryAsync(("fetch", "children:/partners/"));

        Assert.Equal(0, partners.Total);
        Assert.Equal(0, belowPartners.Total);
    }

    [Fact]
    public async Task A_Picker_Leaves_Out_Items_Of_A_Disallowed_Content_Type()
    {
        var conference = await Api.ItemByPathAsync("/conferences/icssi-conference-2014/");

        Assert.NotEmpty(SeedContent.Hub.Named("ICSSI Conference 2014").Picked(HubContentTypes.Conference.Organisers));
        Assert.Equal(0, conference.GetProperty("properties").GetProperty(HubContentTypes.Conference.Organisers).GetArrayLength());
        Assert.Equal("ICSSI Conference 2014", conference.GetProperty("name").GetString());
    }
}
