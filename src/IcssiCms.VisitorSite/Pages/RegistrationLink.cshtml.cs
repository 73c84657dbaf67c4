using IcssiCms.VisitorSite.Languages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcssiCms.VisitorSite.Pages;

/// <summary>A link without a language (<c>/registrations/confirm?token=</c>) goes on to the page in the browser's language.</summary>
public sealed class RegistrationLinkModel : PageModel
{
    public IActionResult OnGet(string action, string? token)
    {
        var language = SiteLanguage.FromAcceptLanguage(Request);
        return Redirect($"/{language.Code}/registrations/{action}?token={Uri.EscapeDataString(token ?? string.Empty)}");
    }
}
