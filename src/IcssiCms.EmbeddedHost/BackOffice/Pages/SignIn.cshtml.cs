using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcssiCms.EmbeddedHost.BackOffice.Pages;

/// <summary>The sign-in form at <c>/umbraco</c>. Every refusal reads the same, so that it tells nobody whether an e-mail is known or locked out.</summary>
[AllowAnonymous]
internal sealed class SignInModel(BackOfficeSignIn signIn) : PageModel
{
    public const string Refused =
        "The e-mail address or password is not right. After repeated wrong passwords an account is locked for a while.";

    [BindProperty]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = string.Empty;

    [BindProperty]
    [DataType(DataType.Password)]
    public string Password { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var signedIn = await HttpContext.AuthenticateAsync(BackOfficeAuthentication.Scheme);
        return signedIn.Succeeded ? LocalRedirect(Destination()) : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            Error = "Enter your e-mail address and your password.";
            return Page();
        }

        var attempt = await signIn.SignInAsync(Email, Password, cancellationToken);
        Password = string.Empty;
        if (attempt.User is null)
        {
            Error = Refused;
            return Page();
        }

        await HttpContext.SignInAsync(BackOfficeAuthentication.Scheme, BackOfficeAuthentication.Principal(attempt.User));
        return LocalRedirect(Destination());
    }

    /// <summary>Back to the back-office page that asked for a sign-in, never anywhere else.</summary>
    private string Destination() =>
        ReturnUrl is { } url && Url.IsLocalUrl(url) && url.StartsWith(BackOfficeAuthentication.CookiePath + "/", StringComparison.Ordinal)
            ? url
            : BackOfficeAuthentication.LandingPath;
}
