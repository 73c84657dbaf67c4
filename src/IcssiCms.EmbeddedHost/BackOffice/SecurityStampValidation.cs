using System.Security.Claims;
using IcssiCms.Store.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace IcssiCms.EmbeddedHost.BackOffice;

/// <summary>
/// Ends a back-office session whose user is gone or whose security stamp changed since it began (a new password, an
/// unlock): the cookie is rejected and removed, and the next page asks to sign in. Checked on every request that
/// reads the cookie, so a change takes effect at once; that is one small query per back-office page.
/// </summary>
internal static class SecurityStampValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (principal is null || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var key))
        {
            await RejectAsync(context);
            return;
        }

        var db = context.HttpContext.RequestServices.GetRequiredService<HubDbContext>();
        var stamp = await db.BackOfficeUsers.AsNoTracking().Where(u => u.Key == key).Select(u => u.SecurityStamp).SingleOrDefaultAsync(context.HttpContext.RequestAborted);

        // A session from before stamps existed carries none; its user's stamp is empty until their credentials change.
        if (stamp is null || !string.Equals(stamp, principal.FindFirstValue(BackOfficeAuthentication.SecurityStampClaim) ?? string.Empty, StringComparison.Ordinal))
        {
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SecurityStampValidation))
                .LogInformation("Back-office session of user {UserKey} ended: the user's credentials changed or the user is gone", key);
            await RejectAsync(context);
        }
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(BackOfficeAuthentication.Scheme);
    }
}
