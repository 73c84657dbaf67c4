using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using IcssiCms.EmbeddedHost.BackOffice.Admin;
using IcssiCms.Store.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcssiCms.EmbeddedHost.BackOffice.Pages.Admin;

/// <summary>Administrators' list of back-office users: create a user, unlock one, set a new password.</summary>
[Authorize(Policy = BackOfficeAuthentication.AdministratorPolicy)]
internal sealed class UsersModel(UserAdministration users, TimeProvider time) : PageModel
{
    public const string Path = "/umbraco/admin/users";

    public IReadOnlyList<BackOfficeUser> Users { get; private set; } = [];

    public int RequiredPasswordLength => users.RequiredPasswordLength;

    [BindProperty]
    [Display(Name = "Name")]
    public string? Name { get; set; }

    [BindProperty]
    [Display(Name = "E-mail")]
    public string? Email { get; set; }

    [BindProperty]
    [Display(Name = "Password")]
    public string? Password { get; set; }

    [BindProperty]
    [Display(Name = "Role")]
    public string Role { get; set; } = BackOfficeRoles.Editor;

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public bool IsLockedOut(BackOfficeUser user) => user.LockoutEnd > time.GetUtcNow().UtcDateTime;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Names and e-mail addresses: kept out of every cache.
        Response.Headers.CacheControl = "no-store";
        Users = await users.ListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var result = await users.CreateAsync(Name, Email, Password, Role, Actor, cancellationToken);
        Password = null;
        if (result != UserChangeError.None)
        {
            Error = users.Describe(result);
            Users = await users.ListAsync(cancellationToken);
            return Page();
        }

        Message = $"Created the {Role} {Name!.Trim()}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUnlockAsync(Guid key, CancellationToken cancellationToken) =>
        await Done(await users.UnlockAsync(key, Actor, cancellationToken), "Unlocked the user.", cancellationToken);

    public async Task<IActionResult> OnPostResetPasswordAsync(Guid key, string? newPassword, CancellationToken cancellationToken) =>
        await Done(await users.ResetPasswordAsync(key, newPassword, Actor, cancellationToken), "Set the new password.", cancellationToken);

    private async Task<IActionResult> Done(UserChangeError result, string message, CancellationToken cancellationToken)
    {
        if (result != UserChangeError.None)
        {
            Error = users.Describe(result);
            Users = await users.ListAsync(cancellationToken);
            return Page();
        }

        Message = message;
        return RedirectToPage();
    }

    private Guid Actor => Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var key) ? key : Guid.Empty;
}
