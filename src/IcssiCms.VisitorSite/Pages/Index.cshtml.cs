using IcssiCms.VisitorSite.Languages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcssiCms.VisitorSite.Pages;

/// <summary>The bare address goes to the home page in the browser's language; from then on the language is in the URL.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet()
    {
        Response.Headers.Vary = "Accept-Language";
        return Redirect(SiteLanguage.FromAcceptLanguage(Request).UrlOf("/"));
    }
}
