namespace IcssiCms.Store.Storage;

/// <summary>
/// A back-office user of the embedded host: an editor or an administrator. The password is kept only as
/// ASP.NET Core Identity's hash; failed attempts and the lockout end are Umbraco's lockout rule.
/// </summary>
public sealed class BackOfficeUser
{
    public Guid Key { get; set; }

    public required string Name { get; set; }

    /// <summary>What the user signs in with; unique, compared without regard to case.</summary>
    public required string Email { get; set; }

    /// <summary><c>PasswordHasher&lt;BackOfficeUser&gt;</c>'s hash; never the password itself.</summary>
    public required string PasswordHash { get; set; }

    /// <summary><see cref="BackOfficeRoles.Editor"/> or <see cref="BackOfficeRoles.Administrator"/>.</summary>
    public required string Role { get; set; }

    /// <summary>Wrong passwords since the last sign-in or lockout.</summary>
    public int FailedAttempts { get; set; }

    /// <summary>Until when (UTC) the user cannot sign in, even with the right password.</summary>
    public DateTime? LockoutEnd { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? LastLoginAt { get; set; }

    /// <summary>
    /// Changes whenever the user's credentials do (a new password, an unlock); every signed-in session carries the
    /// stamp it was signed in with and ends once it no longer matches. Users from before it existed have it empty.
    /// </summary>
    public string SecurityStamp { get; set; } = NewSecurityStamp();

    public static string NewSecurityStamp() => Guid.NewGuid().ToString("N");
}

/// <summary>The back office's roles, as stored and as claimed.</summary>
public static class BackOfficeRoles
{
    /// <summary>Edits and publishes content.</summary>
    public const string Editor = "editor";

    /// <summary>Also manages users and registrations.</summary>
    public const string Administrator = "administrator";
}
