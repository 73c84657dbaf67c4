using System.Net.Mail;
using IcssiCms.EmbeddedHost.Usync;
using IcssiCms.Store.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core.Configuration.Models;

namespace IcssiCms.EmbeddedHost.BackOffice;

/// <summary>
/// Creates the first administrator from Umbraco's unattended-install settings (<c>Umbraco:CMS:Unattended</c>:
/// <c>UnattendedUserName</c>, <c>UnattendedUserEmail</c>, <c>UnattendedUserPassword</c>), as Umbraco's unattended
/// install does, once the startup import has migrated the store, and only while there is no user at all.
/// </summary>
internal sealed class FirstAdministrator(
    IServiceScopeFactory scopes,
    ImportStatus import,
    IOptions<UnattendedSettings> unattended,
    IOptions<SecuritySettings> security,
    IPasswordHasher<BackOfficeUser> hasher,
    TimeProvider time,
    ILogger<FirstAdministrator> logger) : BackgroundService
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Done once the administrator was created, or found unneeded or impossible.</summary>
    public Task Completion => _completion.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await import.Completion.WaitAsync(stoppingToken);
            await EnsureAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (import.Failure is not null)
        {
            logger.LogError(ex, "No back-office administrator was created: the store could not be brought up to date");
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Creating the first back-office administrator failed");
        }
        finally
        {
            _completion.TrySetResult();
        }
    }

    private async Task EnsureAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        if (await db.BackOfficeUsers.AnyAsync(cancellationToken))
        {
            return;
        }

        var settings = unattended.Value;
        if (string.IsNullOrWhiteSpace(settings.UnattendedUserName)
            || string.IsNullOrWhiteSpace(settings.UnattendedUserEmail)
            || string.IsNullOrEmpty(settings.UnattendedUserPassword))
        {
            logger.LogWarning(
                "There is no back-office user, so nobody can sign in at /umbraco. Set Umbraco:CMS:Unattended:UnattendedUserName, "
                + "UnattendedUserEmail and UnattendedUserPassword (for example the environment variables Umbraco__CMS__Unattended__UnattendedUserName, "
                + "Umbraco__CMS__Unattended__UnattendedUserEmail and Umbraco__CMS__Unattended__UnattendedUserPassword) and restart: "
                + "the first administrator is created from them");
            return;
        }

        var requiredLength = security.Value.UserPassword.RequiredLength;
        if (settings.UnattendedUserPassword.Length < requiredLength)
        {
            logger.LogError(
                "No back-office administrator was created: Umbraco:CMS:Unattended:UnattendedUserPassword is shorter than {RequiredLength} characters "
                + "(Umbraco:CMS:Security:UserPassword:RequiredLength)", requiredLength);
            return;
        }

        if (!MailAddress.TryCreate(settings.UnattendedUserEmail.Trim(), out _))
        {
            logger.LogError("No back-office administrator was created: Umbraco:CMS:Unattended:UnattendedUserEmail is not an e-mail address");
            return;
        }

        var user = new BackOfficeUser
        {
            Key = Guid.NewGuid(),
            Name = settings.UnattendedUserName.Trim(),
            Email = settings.UnattendedUserEmail.Trim(),
            PasswordHash = string.Empty,
            Role = BackOfficeRoles.Administrator,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        user.PasswordHash = hasher.HashPassword(user, settings.UnattendedUserPassword);
        db.BackOfficeUsers.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Created the first back-office administrator, user {UserKey}, from Umbraco:CMS:Unattended", user.Key);
    }
}
