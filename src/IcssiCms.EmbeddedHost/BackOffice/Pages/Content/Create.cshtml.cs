using System.Security.Claims;
using IcssiCms.EmbeddedHost.BackOffice.Content;
using IcssiCms.Usync.Model;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcssiCms.EmbeddedHost.BackOffice.Pages.Content;

/// <summary>
/// Creates an item below another (or at the root): the document types allowed there and a name; the new draft's edit
/// page opens.
/// </summary>
[Authorize]
internal sealed class CreateModel(ContentEditing editing) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Parent { get; set; }

    [BindProperty]
    public string? ContentType { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    public string? ParentName { get; private set; }

    public IReadOnlyList<UsyncContentType> Types { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var userKey = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No user key."));
        var (key, error) = await editing.CreateAsync(Parent, ContentType ?? string.Empty, Name ?? string.Empty, userKey, cancellationToken);
        if (key is not null)
        {
            return RedirectToPage("/Content/Edit", new { key, status = "created" });
        }

        Error = error;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var types = await editing.CreatableTypesAsync(Parent, cancellationToken);
        if (types is null)
        {
            return false;
        }

        Types = types;
        ParentName = Parent is null ? null : (await editing.GetAsync(Parent.Value, cancellationToken))?.Node.Name;
        return true;
    }
}
