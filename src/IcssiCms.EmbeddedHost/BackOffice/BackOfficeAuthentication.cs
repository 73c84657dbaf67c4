using System.Security.Claims;
using IcssiCms.Store.Storage;

namespace IcssiCms.EmbeddedHost.BackOffice;

/// <summary>The back office's cookie scheme, its paths and policies, and the claims a signed-in user carries.</summary>
internal static class BackOfficeAuthentication
{
    public const string Scheme = "IcssiCms.BackOffice";

    public const string CookieName = "IcssiCms.BackOffice";

    /// <summary>Requires the <see cref="BackOfficeRoles.Administrator"/> role; for the users and registrations pages.</summary>
    public const string AdministratorPolicy = "administrator";

    public const string SignInPath = "/umbraco";

    public const string LandingPath = "/umbraco/content";

    public const string LogoutPath = "/umbraco/logout";

    /// <summary>The back office's pages live under this path; the cookie is sent nowhere else.</summary>
    public const string CookiePath = "/umbraco";

    /// <summary>The claim holding the user's <see cref="BackOfficeUser.SecurityStamp"/> when the session began.</summary>
    public const string SecurityStampClaim = "IcssiCms.SecurityStamp";

    public static ClaimsPrincipal Principal(BackOfficeUser user) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Key.ToString()),
                new Claim(ClaimTypes.Name, user.Name),
                new Claim(ClaimTypes.Role, user.Role),
                new Claim(SecurityStampClaim, user.SecurityStamp),
            ],
            Scheme,
            ClaimTypes.Name,
            ClaimTypes.Role));
}
