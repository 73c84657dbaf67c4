using IcssiCms.Core.Schema;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Services;

namespace IcssiCms.Web.IntegrationTests.Hosting;

/// <summary>Campaign news made through Umbraco's content service, as an editor would make it, for tests that need their own.</summary>
public static class NewsItems
{
    /// <summary>
    /// A news item under the parent, not saved yet: named and headlined in each culture given (the first is the default
    /// language's), picking the campaign when one is given.
    /// </summary>
    public static IContent Create(IContentService content, Guid parent, IReadOnlyList<(string Culture, string Name)> names, Guid? campaign)
    {
        var item = content.Create(names[0].Name, parent, HubContentTypes.CampaignNews.Alias);
        foreach (var (culture, name) in names)
        {
            item.SetCultureName(name, culture);
            item.SetValue(HubContentTypes.CampaignNews.Headline, name, culture);
        }

        if (campaign is { } key)
        {
            item.SetValue(HubContentTypes.CampaignNews.Campaigns, $"umb://document/{key:N}");
        }

        return item;
    }
}
