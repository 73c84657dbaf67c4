using IcssiCms.Store.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core.Configuration.Models;

namespace IcssiCms.EmbeddedHost.BackOffice;

/// <summary>How a sign-in attempt ended. The sign-in page answers the same for every failure.</summary>
internal enum SignInOutcome
{
    SignedIn,
    UnknownEmail,
    WrongPassword,

    /// <summary>Too many wrong passwords: refused, right password or not, until the lockout ends.</summary>
    LockedOut,
}

internal sealed record SignInAttempt(SignInOutcome Outcome, BackOfficeUser? User);

/// <summary>
/// Checks an e-mail and password against the store, with Umbraco's lockout rule: after
/// <c>Umbraco:CMS:Security:UserPassword:MaxFailedAccessAttemptsBeforeLockout</c> wrong passwords in a row the user is
/// locked out for <c>Umbraco:CMS:Security:UserDefaultLockoutTimeInMinutes</c>. Logs user keys, never e-mails or passwords.
/// </summary>
internal sealed class BackOfficeSignIn(
    HubDbContext db,
    IPasswordHasher<BackOfficeUser> hasher,
    IOptions<SecuritySettings> security,
    TimeProvider time,
    ILogger<BackOfficeSignIn> logger)
{
    /// <summary>Verified against when the e-mail is unknown, so that the answer takes as long as for a known one.</summary>
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<BackOfficeUser>().HashPassword(null!, Guid.NewGuid().ToString()));

    public async Task<SignInAttempt> SignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        var address = email.Trim();
        var user = await db.BackOfficeUsers.SingleOrDefaultAsync(u => u.Email == address, cancellationToken);
        if (user is null)
        {
            hasher.VerifyHashedPassword(null!, DecoyHash.Value, password);
            logger.LogInformation("Back-office sign-in refused: no user has that e-mail address");
            return new SignInAttempt(SignInOutcome.UnknownEmail, null);
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (user.LockoutEnd > now)
        {
            logger.LogWarning("Back-office sign-in refused: user {UserKey} is locked out until {LockoutEnd:u}", user.Key, user.LockoutEnd);
            return new SignInAttempt(SignInOutcome.LockedOut, null);
        }

        var verified = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verified == PasswordVerificationResult.Failed)
        {
            // Counted in the database, one statement each, so that wrong passwords sent at once are all counted; and
            // whichever attempt reaches the limit locks the user out and starts the count again.
            var key = user.Key;
            var settings = security.Value;
            var lockoutEnd = now.AddMinutes(settings.UserDefaultLockoutTimeInMinutes);
            await db.BackOfficeUsers.Where(u => u.Key == key)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.FailedAttempts, x => x.FailedAttempts + 1), cancellationToken);
            var lockedOut = await db.BackOfficeUsers.Where(u => u.Key == key && u.FailedAttempts >= settings.UserPassword.MaxFailedAccessAttemptsBeforeLockout)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, lockoutEnd).SetProperty(x => x.FailedAttempts, 0), cancellationToken);
            if (lockedOut > 0)
            {
                logger.LogWarning("Back-office user {UserKey} locked out until {LockoutEnd:u} after repeated wrong passwords", key, lockoutEnd);
            }
            else
            {
                logger.LogInformation("Back-office sign-in refused: wrong password for user {UserKey}", key);
            }

            return new SignInAttempt(SignInOutcome.WrongPassword, null);
        }

        if (verified == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, password);
        }

        user.LockoutEnd = null;
        user.LastLoginAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await db.BackOfficeUsers.Where(u => u.Key == user.Key).ExecuteUpdateAsync(u => u.SetProperty(x => x.FailedAttempts, 0), cancellationToken);
        logger.LogInformation("Back-office user {UserKey} signed in", user.Key);
        return new SignInAttempt(SignInOutcome.SignedIn, user);
    }
}
