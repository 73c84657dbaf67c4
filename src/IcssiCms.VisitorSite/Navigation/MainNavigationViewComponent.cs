using IcssiCms.VisitorSite.Hub;
using IcssiCms.VisitorSite.Languages;
using Microsoft.AspNetCore.Mvc;

namespace IcssiCms.VisitorSite.Navigation;

/// <summary>
/// The main navigation: the home page's children (campaigns, conferences, partners), in the page's language, from the
/// Delivery API, so a section an editor adds appears without code. English where the language has none yet.
/// </summary>
public sealed class MainNavigationViewComponent(DeliveryClient delivery) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(SiteLanguage language)
    {
        var query = ContentQuery.ChildrenOf("/", "sortOrder:asc") with { Take = 20 };
        var (sections, _) = await delivery.QueryInAsync(query, language, HttpContext.RequestAborted);
        return View(new MainNavigation(language, sections.Items, HttpContext.Request.Path));
    }
}

public sealed record MainNavigation(SiteLanguage Language, IReadOnlyList<ApiContent> Sections, PathString CurrentPath)
{
    public bool IsCurrent(ApiContent section) =>
        Uri.UnescapeDataString(CurrentPath.Value ?? string.Empty).StartsWith(Language.UrlOf(section.Route.Path), StringComparison.OrdinalIgnoreCase);
}
