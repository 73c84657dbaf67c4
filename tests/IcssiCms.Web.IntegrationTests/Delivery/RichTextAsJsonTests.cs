using System.Text.Json;
using IcssiCms.Core.Schema;

namespace IcssiCms.Web.IntegrationTests.Delivery;

/// <summary><c>RichTextOutputAsJson</c> on: rich text comes as Umbraco's element tree.</summary>
[Collection(ConfiguredSiteCollection.Name)]
public sealed class RichTextAsJsonTests(ConfiguredSite site)
{
    private DeliveryApiClient Api { get; } = new(site.CreateClient());

    [Fact]
    public async Task Rich_Text_Is_An_Element_Tree_Of_Paragraphs_And_Text()
    {
        var campaign = await Api.ItemByPathAsync("/campaigns/save-the-tigris/");

        var markup = SeedContent.Hub.Named("Save the Tigris").Markup(HubContentTypes.Campaign.Body, HubCultures.English);
        Assert.Matches("^<p>[^<]*</p>$", markup);
        var body = campaign.GetProperty("properties").GetProperty(HubContentTypes.Campaign.Body);
        Assert.Equal("#root", body.GetProperty("tag").GetString());
        Assert.Equal(0, body.GetProperty("blocks").GetArrayLength());
        var paragraph = body.GetProperty("elements")[0];
        Assert.Equal("p", paragraph.GetProperty("tag").GetString());
        var text = paragraph.GetProperty("elements")[0];
        Assert.Equal("#text", text.GetProperty("tag").GetString());
        Assert.Equal(markup[3..^4], text.GetProperty("text").GetString());
        Assert.False(body.TryGetProperty("markup", out _));
    }

    [Fact]
    public async Task Other_Properties_Are_Unchanged()
    {
        var campaign = await Api.ItemByPathAsync("/campaigns/save-the-tigris/");

        Assert.Equal(JsonValueKind.String, campaign.GetProperty("properties").GetProperty(HubContentTypes.PageHeader.Summary).ValueKind);
    }
}
