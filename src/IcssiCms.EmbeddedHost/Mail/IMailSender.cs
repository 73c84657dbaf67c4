using MimeKit;

namespace IcssiCms.EmbeddedHost.Mail;

/// <summary>Sends one composed message, or throws. A message without a From is sent from the configured address.</summary>
public interface IMailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
