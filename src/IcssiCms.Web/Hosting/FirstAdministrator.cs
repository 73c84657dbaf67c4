using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core.Configuration.Models;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Notifications;

namespace IcssiCms.Web.Hosting;

/// <summary>
/// The first administrator's password, for Umbraco's unattended install: <c>Umbraco:CMS:Unattended:UnattendedUserPassword</c>
/// from configuration or the environment. When none is given, the site makes a strong one and prints it once, on the
/// console only (never into a log), when Umbraco installs and creates the administrator with it.
/// </summary>
internal sealed class FirstAdministrator : IPostConfigureOptions<UnattendedSettings>
{
    private readonly Lazy<string> _generated = new(() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)));

    /// <summary>True when no password was configured and the site made one.</summary>
    public bool PasswordWasGenerated { get; private set; }

    public string Password => _generated.Value;

    public void PostConfigure(string? name, UnattendedSettings options)
    {
        if (string.IsNullOrWhiteSpace(options.UnattendedUserPassword))
        {
            options.UnattendedUserPassword = _generated.Value;
            PasswordWasGenerated = true;
        }
    }

    /// <summary>Prints the made-up password when the unattended install has just used it.</summary>
    internal sealed class PrintGeneratedPassword(FirstAdministrator administrator, IOptions<UnattendedSettings> settings)
        : INotificationHandler<UnattendedInstallNotification>
    {
        public void Handle(UnattendedInstallNotification notification)
        {
            var unattended = settings.Value;
            if (!administrator.PasswordWasGenerated || !unattended.InstallUnattended)
            {
                return;
            }

            Console.Out.WriteLine(
                $"""

                 The hub's administrator was created. Sign in at /umbraco as {unattended.UnattendedUserEmail}
                 with this password, shown only now: {administrator.Password}
                 (set Umbraco__CMS__Unattended__UnattendedUserPassword to choose it yourself)

                """);
        }
    }
}
