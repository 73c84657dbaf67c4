using System.Net;
using IcssiCms.Core.Schema;

namespace IcssiCms.IntegrationTests.Delivery;

/// <summary><c>DisallowedContentTypeAliases</c>: partners are kept out of the API.</summary>
public sealed class NoPartnersFixture : HubHostFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Umbraco:CMS:DeliveryApi:DisallowedContentTypeAliases:0"] = HubContentTypes.Partner.Alias,
    };
}

[Collection(DeliveryApiCollection.Name)]
public sealed class ContentTypeAccessTests(NoPartnersFixture hub) : IClassFixture<NoPartnersFixture>
{
    [Fact]
    public async Task A_Disallowed_Content_Type_Is_Not_Found_By_Route()
    {
        using var response = await hub.Api.SendAsync(DeliveryApiClient.ItemByPathUrl("/partners/karibu-foundation/"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_Disallowed_Content_Type_Is_Not_In_Query_Results()
    {
        var partners = await hub.Api.QueryAsync(("filter", $"contentType:{HubContentTypes.Partner.Alias}"));
        var belowPartners = await hub.Api.QueryAsync(("fetch", "children:/partners/"));

        Assert.Equal(0, partners.Total);
        Assert.Equal(0, belowPartners.Total);
    }

    [Fact]
    public async Task A_Picker_Leaves_Out_Items_Of_A_Disallowed_Content_Type()
    {
        var conference = await hub.Api.ItemByPathAsync("/conferences/icssi-conference-2014/");

        Assert.Equal(0, conference.GetProperty("properties").GetProperty(HubContentTypes.Conference.Organisers).GetArrayLength());
        Assert.Equal("ICSSI Conference 2014", conference.GetProperty("name").GetString());
    }
}
