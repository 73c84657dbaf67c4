using IcssiCms.Core.Usync.Importing;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Models.Membership;
using Umbraco.Cms.Core.Services;

namespace IcssiCms.Web.Hosting;

/// <summary>
/// The back office's editors named in configuration (<c>IcssiCms:Editors</c>: each an <c>Email</c>, a <c>Name</c> and a
/// <c>Password</c>, the password from the environment or user secrets rather than a tracked file), made once the site
/// runs and its startup import is over (so that no other write runs beside theirs): users of Umbraco's Editors group,
/// not administrators. One already there (by e-mail) is left as it is, its password included, so that a password
/// changed in the back office stays changed.
/// </summary>
internal sealed class ConfiguredEditors(
    IUserService users,
    UsyncImportStatus import,
    IOptions<ConfiguredEditors.Settings> settings,
    ILogger<ConfiguredEditors> logger) : AfterStartupImport(import)
{
    public const string SectionName = "IcssiCms:Editors";

    public sealed class Settings : List<Editor>;

    public sealed class Editor
    {
        public string Email { get; set; } = string.Empty;

        public string Name { get; set; } = string.Empty;

        public string Password { get; set; } = string.Empty;
    }

    protected override bool IsWanted => settings.Value.Count > 0;

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        foreach (var (editor, index) in settings.Value.Select((e, i) => (e, i)))
        {
            if (string.IsNullOrWhiteSpace(editor.Email) || string.IsNullOrWhiteSpace(editor.Password))
            {
                logger.LogWarning("{Section}:{Index} needs an Email and a Password; no editor made from it", SectionName, index);
                continue;
            }

            if (users.GetByEmail(editor.Email) is not null)
            {
                continue;
            }

            var created = await users.CreateAsync(
                Constants.Security.SuperUserKey,
                new UserCreateModel
                {
                    Email = editor.Email,
                    UserName = editor.Email,
                    Name = string.IsNullOrWhiteSpace(editor.Name) ? editor.Email : editor.Name,
                    Kind = UserKind.Default,
                    UserGroupKeys = new HashSet<Guid> { Constants.Security.EditorGroupKey },
                },
                approveUser: true);
            if (!created.Success || created.Result.CreatedUser is not { } user)
            {
                logger.LogWarning("{Section}:{Index}: the editor was not made ({Status})", SectionName, index, created.Status);
                continue;
            }

            var password = await users.ChangePasswordAsync(
                Constants.Security.SuperUserKey, new ChangeUserPasswordModel { NewPassword = editor.Password, UserKey = user.Key });
            if (password.Success)
            {
                logger.LogInformation("{Section}:{Index}: editor made, in the Editors group", SectionName, index);
            }
            else
            {
                // Umbraco's password rules refused it: the user stays, with a password nobody knows, until reset.
                logger.LogWarning("{Section}:{Index}: the editor's password was refused ({Status})", SectionName, index, password.Status);
            }
        }
    }
}
