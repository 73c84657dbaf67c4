using System.Text.Json;
using IcssiCms.Core.Schema;

namespace IcssiCms.IntegrationTests.Delivery;

/// <summary><c>RichTextOutputAsJson</c> on: rich text comes as Umbraco's element tree.</summary>
public sealed class RichTextAsJsonFixture : HubHostFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } =
        new Dictionary<string, string> { ["Umbraco:CMS:DeliveryApi:RichTextOutputAsJson"] = "true" };
}

[Collection(DeliveryApiCollection.Name)]
public sealed class RichTextAsJsonTests(RichTextAsJsonFixture hub) : IClassFixture<RichTextAsJsonFixture>
{
    [Fact]
    public async Task Rich_Text_Is_An_Element_Tree_Of_Paragraphs_And_Text()
    {
        var campaign = await hub.Api.ItemByPathAsync("/campaigns/save-the-tigris/");

        var body = campaign.GetProperty("properties").GetProperty(HubContentTypes.Campaign.Body);
        Assert.Equal("#root", body.GetProperty("tag").GetString());
        Assert.Equal(0, body.GetProperty("blocks").GetArrayLength());
        var paragraph = body.GetProperty("elements")[0];
        Assert.Equal("p", paragraph.GetProperty("tag").GetString());
        var text = paragraph.GetProperty("elements")[0];
        Assert.Equal("#text", text.GetProperty("tag").GetString());
        Assert.StartsWith("Save the Tigris is one of the major campaigns", text.GetProperty("text").GetString());
        Assert.False(body.TryGetProperty("markup", out _));
    }

    [Fact]
    public async Task Other_Properties_Are_Unchanged()
    {
        var campaign = await hub.Api.ItemByPathAsync("/campaigns/save-the-tigris/");

        Assert.Equal(JsonValueKind.String, campaign.GetProperty("properties").GetProperty(HubContentTypes.PageHeader.Summary).ValueKind);
    }
}
