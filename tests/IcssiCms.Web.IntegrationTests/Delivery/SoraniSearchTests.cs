using IcssiCms.Web.IntegrationTests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Umbraco.Cms.Core.Services;

namespace IcssiCms.Web.IntegrationTests.Delivery;

/// <summary>
/// The hub has no Kurdish content yet; an editor's first Sorani pages are searchable with Lucene's Sorani analysis,
/// which reads Arabic-keyboard letters (ك, ي) as the Kurdish ones (ک, ی).
/// </summary>
[Collection(ChangingSiteCollection.Name)]
public sealed class SoraniSearchTests(ChangingSite site)
{
    private const string CampaignInSorani = "ڕاگرتنی کۆمپانیا تایبەتەکانی سەربازی و ئاسایش";

    [Fact]
    public async Task A_Sorani_Word_Typed_With_Arabic_Letters_Finds_The_Kurdish_Text()
    {
        // An item is served in a language once it and its ancestors are published in it: the home page and the campaigns too.
        PublishInSorani(Guid.Parse("6dcd482c-ffb6-502d-af0c-f624e14efcc8"), "دەستپێشخەری هاوپشتی کۆمەڵگەی مەدەنی عێراقی");
        PublishInSorani(Guid.Parse("c7a746fd-2b71-5fb1-8c26-92c08af7768b"), "کەمپەینەکان");
        PublishInSorani(Guid.Parse("803113fb-67d1-50b7-8430-4a01bd350613"), CampaignInSorani, "کەمپەینێکی کۆڕبەندی کۆمەڵایەتی عێراقی دژی کۆمپانیا تایبەتەکانی سەربازی و ئاسایش لە کوردستان");

        Assert.Contains(CampaignInSorani, await SearchUntilFoundAsync("کوردستان"));
        Assert.Contains(CampaignInSorani, await SearchUntilFoundAsync("كوردستان"));
    }

    private void PublishInSorani(Guid key, string name, string? summary = null)
    {
        var content = site.Services.GetRequiredService<IContentService>();
        var item = content.GetById(key)!;
        item.SetCultureName(name, "ckb");
        if (item.HasProperty("title"))
        {
            item.SetValue("title", name, "ckb");
        }

        if (summary is not null)
        {
            item.SetValue("summary", summary, "ckb");
        }

        var result = content.SaveAndPublish(item, ["ckb"]);
        Assert.True(result.Success, $"{name}: {result.Result}");
    }

    private async Task<IReadOnlyList<string>> SearchUntilFoundAsync(string word)
    {
        var api = new DeliveryApiClient(site.CreateClient());
        var page = await api.QueryUntilAsync(page => page.Names.Contains(CampaignInSorani), "ckb", ("filter", "search:" + word));
        return page.Names;
    }
}
