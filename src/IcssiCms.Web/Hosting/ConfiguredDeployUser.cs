using IcssiCms.Core.Usync.Importing;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Models.Membership;
using Umbraco.Cms.Core.Security;
using Umbraco.Cms.Core.Services;

namespace IcssiCms.Web.Hosting;

/// <summary>
/// The API user a deploy pipeline's <c>usync</c> signs in as, named in configuration (<c>IcssiCms:Deploy</c>: a
/// <c>ClientId</c> starting <c>umbraco-back-office-</c> and a <c>ClientSecret</c>, the secret from the environment), so
/// that a site provisioned by a pipeline can be deployed to without anyone signing in to make one: an Umbraco API user
/// in the Administrators group (the group with the Settings section), with those client credentials. A client id
/// already there is left as it is; so is a secret changed in the back office.
/// </summary>
internal sealed class ConfiguredDeployUser(
    IUserService users,
    IServiceScopeFactory scopes,
    UsyncImportStatus import,
    IOptions<ConfiguredDeployUser.Settings> settings,
    ILogger<ConfiguredDeployUser> logger) : AfterStartupImport(import)
{
    public const string SectionName = "IcssiCms:Deploy";
    private const string ClientIdPrefix = "umbraco-back-office-";

    public sealed class Settings
    {
        public string ClientId { get; set; } = string.Empty;

        public string ClientSecret { get; set; } = string.Empty;
    }

    protected override bool IsWanted => !string.IsNullOrWhiteSpace(settings.Value.ClientId) || !string.IsNullOrWhiteSpace(settings.Value.ClientSecret);

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        var (clientId, secret) = (settings.Value.ClientId.Trim(), settings.Value.ClientSecret);
        if (!clientId.StartsWith(ClientIdPrefix, StringComparison.Ordinal) || clientId.Length == ClientIdPrefix.Length || string.IsNullOrWhiteSpace(secret))
        {
            logger.LogWarning("{Section} needs a ClientId starting '{Prefix}' and a ClientSecret; no deploy user made", SectionName, ClientIdPrefix);
            return;
        }

        // Umbraco's credentials manager is scoped (it works through the back office's user manager).
        using var scope = scopes.CreateScope();
        var credentials = scope.ServiceProvider.GetRequiredService<IBackOfficeUserClientCredentialsManager>();
        if (await credentials.FindUserAsync(clientId) is not null)
        {
            return;
        }

        var name = clientId[ClientIdPrefix.Length..];
        var created = await users.CreateAsync(
            Constants.Security.SuperUserKey,
            new UserCreateModel
            {
                Email = $"{name}@api.invalid",
                UserName = $"{name}@api.invalid",
                Name = $"Deploy ({name})",
                Kind = UserKind.Api,
                UserGroupKeys = new HashSet<Guid> { Constants.Security.AdminGroupKey },
            },
            approveUser: true);
        if (!created.Success || created.Result.CreatedUser is not { } user)
        {
            logger.LogWarning("{Section}: the deploy user was not made ({Status})", SectionName, created.Status);
            return;
        }

        var saved = await credentials.SaveAsync(user.Key, clientId, secret);
        logger.Log(saved.Success ? LogLevel.Information : LogLevel.Warning, "{Section}: deploy API user {ClientId} {Outcome}", SectionName, clientId, saved.Success ? "made" : $"not given its credentials ({saved.Result})");
    }
}
