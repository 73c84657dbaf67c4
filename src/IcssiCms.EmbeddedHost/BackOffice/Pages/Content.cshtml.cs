using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcssiCms.EmbeddedHost.BackOffice.Pages;

/// <summary>Where a sign-in lands: who is signed in, and in what role. The content tree comes later.</summary>
[Authorize]
internal sealed class ContentModel : PageModel
{
    public string UserName => User.Identity?.Name ?? string.Empty;

    public string Role => User.FindFirstValue(ClaimTypes.Role) ?? string.Empty;

    public void OnGet()
    {
    }
}
