using System.Net.Mail;
using IcssiCms.Store.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core.Configuration.Models;

namespace IcssiCms.EmbeddedHost.BackOffice.Admin;

/// <summary>Why an administrator's change to a user was refused; <see cref="None"/> when it was made.</summary>
internal enum UserChangeError
{
    None,
    NotFound,
    MissingName,
    InvalidEmail,
    EmailTaken,
    PasswordTooShort,
    UnknownRole,
}

/// <summary>
/// What administrators do to back-office users: create an editor or administrator, unlock a locked-out user, set a
/// new password (the last two change the user's security stamp, which ends the user's sessions). Passwords are hashed with Identity's hasher and at least
/// <c>Umbraco:CMS:Security:UserPassword:RequiredLength</c> long. Logs user keys, never names, e-mails or passwords.
/// </summary>
internal sealed class UserAdministration(
    HubDbContext db,
    IPasswordHasher<BackOfficeUser> hasher,
    IOptions<SecuritySettings> security,
    TimeProvider time,
    ILogger<UserAdministration> logger)
{
    public int RequiredPasswordLength => security.Value.UserPassword.RequiredLength;

    public Task<List<BackOfficeUser>> ListAsync(CancellationToken cancellationToken) =>
        db.BackOfficeUsers.AsNoTracking().OrderBy(u => u.Name).ThenBy(u => u.Email).ToListAsync(cancellationToken);

    public async Task<UserChangeError> CreateAsync(string? name, string? email, string? password, string? role, Guid actor, CancellationToken cancellationToken)
    {
        var address = email?.Trim() ?? string.Empty;
        if (string.IsNullOrWhiteSpace(name))
        {
            return UserChangeError.MissingName;
        }

        if (!MailAddress.TryCreate(address, out var parsed) || parsed.Address != address)
        {
            return UserChangeError.InvalidEmail;
        }

        if (role is not (BackOfficeRoles.Editor or BackOfficeRoles.Administrator))
        {
            return UserChangeError.UnknownRole;
        }

        if ((password?.Length ?? 0) < RequiredPasswordLength)
        {
            return UserChangeError.PasswordTooShort;
        }

        if (await db.BackOfficeUsers.AnyAsync(u => u.Email == address, cancellationToken))
        {
            return UserChangeError.EmailTaken;
        }

        var user = new BackOfficeUser
        {
            Key = Guid.NewGuid(), Name = name.Trim(), Email = address, PasswordHash = string.Empty, Role = role,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        user.PasswordHash = hasher.HashPassword(user, password!);
        db.BackOfficeUsers.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request took the address meanwhile: the unique index says so.
            return UserChangeError.EmailTaken;
        }

        logger.LogInformation("Back-office user {ActorKey} created user {UserKey} with the role {Role}", actor, user.Key, role);
        return UserChangeError.None;
    }

    public async Task<UserChangeError> UnlockAsync(Guid key, Guid actor, CancellationToken cancellationToken)
    {
        if (await db.BackOfficeUsers.SingleOrDefaultAsync(u => u.Key == key, cancellationToken) is not { } user)
        {
            return UserChangeError.NotFound;
        }

        user.FailedAttempts = 0;
        user.LockoutEnd = null;
        user.SecurityStamp = BackOfficeUser.NewSecurityStamp();
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Back-office user {ActorKey} unlocked user {UserKey}, ending their sessions", actor, key);
        return UserChangeError.None;
    }

    public async Task<UserChangeError> ResetPasswordAsync(Guid key, string? password, Guid actor, CancellationToken cancellationToken)
    {
        if (await db.BackOfficeUsers.SingleOrDefaultAsync(u => u.Key == key, cancellationToken) is not { } user)
        {
            return UserChangeError.NotFound;
        }

        if ((password?.Length ?? 0) < RequiredPasswordLength)
        {
            return UserChangeError.PasswordTooShort;
        }

        user.PasswordHash = hasher.HashPassword(user, password!);
        user.FailedAttempts = 0;
        user.LockoutEnd = null;
        user.SecurityStamp = BackOfficeUser.NewSecurityStamp();
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Back-office user {ActorKey} set a new password for user {UserKey}, ending their sessions", actor, key);
        return UserChangeError.None;
    }

    public string Describe(UserChangeError error) => error switch
    {
        UserChangeError.NotFound => "That user no longer exists.",
        UserChangeError.MissingName => "Enter a name.",
        UserChangeError.InvalidEmail => "Enter an e-mail address, such as name@example.org.",
        UserChangeError.EmailTaken => "A user with that e-mail address already exists.",
        UserChangeError.PasswordTooShort => $"The password must have at least {RequiredPasswordLength} characters.",
        UserChangeError.UnknownRole => "Choose the role: editor or administrator.",
        _ => string.Empty,
    };
}
