using IcssiCms.Core.Registrations.Mail;
using MimeKit;

namespace IcssiCms.EmbeddedHost.Mail;

/// <summary>
/// The plugin's registration e-mail as a MIME message for the embedded host's MailKit sender: plain text and HTML as
/// alternatives, the language in Content-Language. The From address is left to the sender, which takes it from the SMTP
/// settings.
/// </summary>
public sealed class MimeRegistrationMailComposer(TimeProvider time)
{
    private readonly RegistrationMailComposer _composer = new();

    public MimeMessage Compose(RegistrationMail mail)
    {
        var composed = _composer.Compose(mail);
        var message = new MimeMessage
        {
            Subject = composed.Subject,
            Date = time.GetUtcNow(),
        };
        message.To.Add(new MailboxAddress(composed.ToName, composed.ToAddress));
        message.Headers.Add(HeaderId.ContentLanguage, composed.Language);
        // Registration mail is sent by a machine, in answer to the person's own sign-up: no auto-replies wanted.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new BodyBuilder { TextBody = composed.TextBody, HtmlBody = composed.HtmlBody }.ToMessageBody();
        return message;
    }
}
