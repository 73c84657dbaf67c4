using IcssiCms.VisitorSite.Languages;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcssiCms.VisitorSite.Pages;

/// <summary>What the layout needs from every page: its language, title, and the same page in the other languages.</summary>
public abstract class SitePage : PageModel
{
    private static readonly IReadOnlyDictionary<SiteLanguage, string> HomePages =
        SiteLanguage.All.ToDictionary(language => language, language => language.UrlOf("/"));

    public SiteLanguage Language { get; protected set; } = SiteLanguage.Default;

    public string Title { get; protected set; } = string.Empty;

    public string? Description { get; protected set; }

    /// <summary>Where the language switcher goes: this page in each language (the home page where there is no such page).</summary>
    public IReadOnlyDictionary<SiteLanguage, string> Alternates { get; protected set; } = HomePages;

    /// <summary>False on the page that says the hub is not answering: its layout then asks the hub for nothing.</summary>
    public virtual bool NeedsHub => true;

    protected void UseLanguage(string? code)
    {
        Language = SiteLanguage.FromCode(code) ?? SiteLanguage.Default;
    }
}
