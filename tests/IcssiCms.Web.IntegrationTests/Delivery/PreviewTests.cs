using System.Net;
using IcssiCms.Core.Schema;
using Microsoft.Extensions.DependencyInjection;
using Umbraco.Cms.Core.Services;

namespace IcssiCms.Web.IntegrationTests.Delivery;

/// <summary>Drafts through <c>Preview: true</c> and the <c>Api-Key</c>, on a public hub whose answers are output-cached.</summary>
[Collection(ConfiguredSiteCollection.Name)]
public sealed class PreviewTests(ConfiguredSite site)
{
    private const string TigrisRoute = "/campaigns/save-the-tigris/";
    private static readonly SeedItem Tigris = SeedContent.Hub.Named("Save the Tigris");

    private readonly HttpClient _http = site.CreateClient();

    [Fact]
    public async Task A_Preview_Without_The_Api_Key_Is_Unauthorized()
    {
        using var response = await SendAsync(DeliveryApiClient.ItemByIdUrl(Tigris.Key), preview: true, apiKey: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_Preview_With_The_Api_Key_Shows_The_Draft_While_Visitors_Keep_The_Published_Title()
    {
        var published = await TitleAsync(preview: false);
        SaveDraftTitle("Save the Tigris (draft)");

        var draft = await TitleAsync(preview: true);
        var visitors = await TitleAsync(preview: false);

        Assert.Equal(Tigris.Value(HubContentTypes.PageHeader.Title, HubCultures.English), published);
        Assert.Equal("Save the Tigris (draft)", draft);
        Assert.Equal(published, visitors);
    }

    private async Task<HttpResponseMessage> SendAsync(string url, bool preview, string? apiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Accept-Language", HubCultures.English);
        if (preview)
        {
            request.Headers.Add("Preview", "true");
        }

        if (apiKey is not null)
        {
            request.Headers.Add("Api-Key", apiKey);
        }

        return await _http.SendAsync(request);
    }

    private async Task<string> TitleAsync(bool preview)
    {
        using var response = await SendAsync(DeliveryApiClient.ItemByPathUrl(TigrisRoute), preview, preview ? ConfiguredSite.ApiKey : null);
        var item = await DeliveryApiClient.ReadJsonAsync(response, HttpStatusCode.OK);
        return item.GetProperty("properties").GetProperty(HubContentTypes.PageHeader.Title).GetString()!;
    }

    /// <summary>Saves the English title as an editor does in the back office, without publishing it.</summary>
    private void SaveDraftTitle(string title)
    {
        var contentService = site.Services.GetRequiredService<IContentService>();
        var content = contentService.GetById(Tigris.Key)!;
        content.SetValue(HubContentTypes.PageHeader.Title, title, HubCultures.English);
        Assert.True(contentService.Save(content).Success);
    }
}
