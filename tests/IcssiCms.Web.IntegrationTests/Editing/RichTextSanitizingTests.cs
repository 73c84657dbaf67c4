using System.Text.Json.Nodes;
using IcssiCms.Core.Schema;
using IcssiCms.Web.IntegrationTests.Delivery;
using IcssiCms.Web.IntegrationTests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Services;

namespace IcssiCms.Web.IntegrationTests.Editing;

/// <summary>
/// Rich text an editor saves in the back office is cleaned before Umbraco stores it: what could run in a visitor's
/// browser goes, what the editor wrote stays, in Arabic as in English.
/// </summary>
[Collection(ChangingSiteCollection.Name)]
public sealed class RichTextSanitizingTests(ChangingSite site)
{
    private static readonly Guid SaveTheTigris = Guid.Parse("a9ff1064-cf1a-5661-b800-7b3fcfa41fa9");

    private IContentService Content => site.Services.GetRequiredService<IContentService>();

    [Theory]
    [InlineData(HubCultures.English, "The Tigris walk", "Read the call")]
    [InlineData(HubCultures.Arabic, "مسيرة دجلة", "اقرأ النداء")]
    public async Task Scripts_And_Event_Handlers_Pasted_Into_Rich_Text_Are_Removed_And_The_Text_And_Links_Kept(string culture, string heading, string link)
    {
        var news = PublishedNews($"Rich text pasted in {culture}");
        var pasted =
            $"""<h2 onclick="steal()">{heading}</h2><script>alert('x')</script><p><a href="https://example.org/call" onmouseover="steal()">{link}</a> <a href="javascript:steal()">more</a></p><img src="x" onerror="alert(1)"><ul><li>{heading}</li></ul>""";
        try
        {
            using var editor = await ApiUsers.ClientInGroupAsync(site, Constants.Security.EditorGroupKey);
            using var saved = await DocumentEditing.SaveAsync(editor, news, HubContentTypes.CampaignNews.Body, culture, value =>
            {
                var richText = value?.AsObject() ?? new JsonObject();
                richText["markup"] = pasted;
                return richText;
            });
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
            var item = Content.GetById(news)!;
            Assert.True(Content.Publish(item, [HubCultures.English, HubCultures.Arabic]).Success);

            var served = await new DeliveryApiClient(site.CreateClient()).ItemByIdAsync(news, culture);
            var markup = served.GetProperty("properties").GetProperty(HubContentTypes.CampaignNews.Body).GetProperty("markup").GetString()!;

            Assert.DoesNotContain("<script", markup, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("alert", markup, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("steal", markup, StringComparison.OrdinalIgnoreCase);
            Assert.Contains($"<h2>{heading}</h2>", markup);
            Assert.Contains($"""<a href="https://example.org/call">{link}</a>""", markup);
            Assert.Contains($"<li>{heading}</li>", markup);
            Assert.Contains("<img src=\"x\">", markup);
        }
        finally
        {
            Content.Delete(Content.GetById(news)!);
        }
    }

    private Guid PublishedNews(string name)
    {
        var item = NewsItems.Create(Content, SaveTheTigris, [(HubCultures.English, $"{name} ({HubCultures.English})"), (HubCultures.Arabic, $"{name} ({HubCultures.Arabic})")], SaveTheTigris);
        Assert.True(Content.SaveAndPublish(item, [HubCultures.English, HubCultures.Arabic]).Success);
        return item.Key;
    }
}
