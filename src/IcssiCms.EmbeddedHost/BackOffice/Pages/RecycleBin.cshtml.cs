using System.Security.Claims;
using IcssiCms.EmbeddedHost.BackOffice.Content;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcssiCms.EmbeddedHost.BackOffice.Pages;

/// <summary>The recycle bin: the items moved to it (with their descendants), each with Restore.</summary>
[Authorize]
internal sealed class RecycleBinModel(ContentEditing editing) : PageModel
{
    public IReadOnlyList<TrashedItem> Items { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Items = await editing.RecycleBinAsync(cancellationToken);

    public async Task<IActionResult> OnPostRestoreAsync(Guid key, CancellationToken cancellationToken)
    {
        var userKey = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No user key."));
        return await editing.RestoreAsync(key, userKey, cancellationToken)
            ? RedirectToPage("/Content/Edit", new { key, status = "restored" })
            : NotFound();
    }
}
