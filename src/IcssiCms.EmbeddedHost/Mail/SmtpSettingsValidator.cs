using System.Net.Mail;
using Microsoft.Extensions.Options;
using MimeKit;
using Umbraco.Cms.Core.Configuration.Models;

namespace IcssiCms.EmbeddedHost.Mail;

/// <summary>
/// Checks Umbraco's SMTP settings at startup, as the outbox sender uses them: a From mailbox, a host to send to (Network)
/// or a folder to drop files into (SpecifiedPickupDirectory). Each failure names its configuration key.
/// </summary>
public sealed class SmtpSettingsValidator : IValidateOptions<SmtpSettings>
{
    public const string SectionName = "Umbraco:CMS:Global:Smtp";

    public ValidateOptionsResult Validate(string? name, SmtpSettings options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.From))
        {
            failures.Add($"{SectionName}:From must be set: the address registration e-mails are sent from, e.g. 'ICSSI <registrations@example.org>'.");
        }
        else if (!MailboxAddress.TryParse(options.From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            failures.Add($"{SectionName}:From '{options.From}' is not an e-mail address (write 'name@domain' or 'Name <name@domain>').");
        }

        switch (options.DeliveryMethod)
        {
            case SmtpDeliveryMethod.Network:
                if (string.IsNullOrWhiteSpace(options.Host))
                {
                    failures.Add($"{SectionName}:Host must be set when DeliveryMethod is Network: the SMTP server to send through.");
                }

                if (options.Port is < 0 or > 65535)
                {
                    failures.Add($"{SectionName}:Port {options.Port} is not a TCP port (0 picks the default for SecureSocketOptions).");
                }

                if (string.IsNullOrEmpty(options.Username) && !string.IsNullOrEmpty(options.Password))
                {
                    failures.Add($"{SectionName}:Password is set but Username is not: set both to authenticate, or neither.");
                }

                break;
            case SmtpDeliveryMethod.SpecifiedPickupDirectory:
                if (string.IsNullOrWhiteSpace(options.PickupDirectoryLocation))
                {
                    failures.Add($"{SectionName}:PickupDirectoryLocation must be set when DeliveryMethod is SpecifiedPickupDirectory: the folder .eml files are written to.");
                }

                break;
            default:
                failures.Add($"{SectionName}:DeliveryMethod '{options.DeliveryMethod}' is not supported: use Network or SpecifiedPickupDirectory.");
                break;
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
