using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcssiCms.EmbeddedHost.BackOffice.Pages;

/// <summary>Signs out on a POST (with its antiforgery token); a GET only goes back to the landing page.</summary>
[Authorize]
internal sealed class LogoutModel(ILogger<LogoutModel> logger) : PageModel
{
    public IActionResult OnGet() => LocalRedirect(BackOfficeAuthentication.LandingPath);

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(BackOfficeAuthentication.Scheme);
        logger.LogInformation("Back-office user {UserKey} signed out", User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value);
        return LocalRedirect(BackOfficeAuthentication.SignInPath);
    }
}
