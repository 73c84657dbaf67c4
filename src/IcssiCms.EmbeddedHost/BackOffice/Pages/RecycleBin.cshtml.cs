using System.Security.Claims;
using IcssiCms.EmbeddedHost.BackOffice.Content;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcssiCms.EmbeddedHost.BackOffice.Pages;

/// <summary>
/// The recycle bin: the items moved to it (with their descendants), each with Restore; administrators may empty it,
/// deleting everything in it for good, after a confirmation step.
/// </summary>
[Authorize]
internal sealed class RecycleBinModel(ContentEditing editing, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<TrashedItem> Items { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>Whether the user may empty the bin: administrators only.</summary>
    public bool CanEmpty { get; private set; }

    /// <summary>True while the page asks the administrator to confirm emptying the bin.</summary>
    public bool ConfirmEmpty { get; private set; }

    /// <summary>Why the bin could not be emptied; none when it was, or was not asked to be.</summary>
    public IReadOnlyList<string> Refusals { get; private set; } = [];

    /// <summary>How many items emptying the bin deletes: those it lists and their descendants.</summary>
    public int ItemsToDelete => Items.Sum(i => 1 + i.Descendants);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRestoreAsync(Guid key, CancellationToken cancellationToken) =>
        await editing.RestoreAsync(key, UserKey, cancellationToken)
            ? RedirectToPage("/Content/Edit", new { key, status = "restored" })
            : NotFound();

    /// <summary>Empties the bin once confirmed; the first post only asks for the confirmation.</summary>
    public async Task<IActionResult> OnPostEmptyAsync(bool confirmed, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!CanEmpty)
        {
            return Forbid(BackOfficeAuthentication.Scheme);
        }

        if (!confirmed)
        {
            ConfirmEmpty = Items.Count > 0;
            return Page();
        }

        var emptying = await editing.EmptyRecycleBinAsync(UserKey, cancellationToken);
        if (emptying.Refusals.Count > 0)
        {
            Refusals = emptying.Refusals;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        return RedirectToPage(new { status = "emptied" });
    }

    private Guid UserKey => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No user key."));

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Items = await editing.RecycleBinAsync(cancellationToken);
        CanEmpty = (await authorization.AuthorizeAsync(User, BackOfficeAuthentication.AdministratorPolicy)).Succeeded;
    }
}
