using System.Security.Claims;
using IcssiCms.EmbeddedHost.BackOffice.Content;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcssiCms.EmbeddedHost.BackOffice.Pages;

/// <summary>Where a sign-in lands: who is signed in, in what role, and the content tree to edit.</summary>
[Authorize]
internal sealed class ContentModel(ContentEditing editing) : PageModel
{
    public string UserName => User.Identity?.Name ?? string.Empty;

    public string Role => User.FindFirstValue(ClaimTypes.Role) ?? string.Empty;

    public IReadOnlyList<TreeNode> Tree { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Tree = await editing.TreeAsync(cancellationToken);
}
