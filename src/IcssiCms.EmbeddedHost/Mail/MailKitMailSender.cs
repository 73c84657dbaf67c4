using SmtpDeliveryMethod = System.Net.Mail.SmtpDeliveryMethod;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;
using Umbraco.Cms.Core.Configuration.Models;
using MailKitSocketOptions = MailKit.Security.SecureSocketOptions;
using UmbracoSocketOptions = Umbraco.Cms.Core.Configuration.Models.SecureSocketOptions;

namespace IcssiCms.EmbeddedHost.Mail;

/// <summary>
/// Sends as Umbraco's <c>Umbraco:CMS:Global:Smtp</c> settings say: through an SMTP server with MailKit (Network), or
/// as <c>&lt;guid&gt;.eml</c> files in a folder (SpecifiedPickupDirectory), for local runs and for a relay that
/// picks files up. A pickup file is written under a temporary name and renamed, so a reader never sees half of one.
/// </summary>
public sealed class MailKitMailSender(IOptions<SmtpSettings> settings, IHostEnvironment environment) : IMailSender
{
    /// <summary>How long one SMTP operation (connect, authenticate, send) may take.</summary>
    public static TimeSpan SmtpTimeout { get; } = TimeSpan.FromSeconds(60);

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var options = settings.Value;
        if (message.From.Count == 0)
        {
            message.From.Add(MailboxAddress.Parse(options.From));
        }

        switch (options.DeliveryMethod)
        {
            case SmtpDeliveryMethod.SpecifiedPickupDirectory:
                await WriteToPickupAsync(message, PickupFolder(options), cancellationToken);
                break;
            case SmtpDeliveryMethod.Network:
                await SendOverSmtpAsync(message, options, cancellationToken);
                break;
            default:
                throw new NotSupportedException($"SMTP delivery method {options.DeliveryMethod} is not supported.");
        }
    }

    /// <summary>The pickup folder, relative to the content root when not absolute.</summary>
    public string PickupFolder(SmtpSettings options) =>
        Path.GetFullPath(options.PickupDirectoryLocation ?? throw new InvalidOperationException("No SMTP pickup directory is configured."), environment.ContentRootPath);

    /// <summary>Writes the message as <c>&lt;guid&gt;.eml</c> in the folder; returns the file's path.</summary>
    public static async Task<string> WriteToPickupAsync(MimeMessage message, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var name = Guid.NewGuid().ToString("D");
        var final = Path.Combine(folder, name + ".eml");
        // A leading dot and another extension: neither a "*.eml" reader nor a directory listing sees it as a message.
        var temporary = Path.Combine(folder, "." + name + ".eml.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await message.WriteToAsync(stream, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, final, overwrite: false);
            return final;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static async Task SendOverSmtpAsync(MimeMessage message, SmtpSettings options, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)SmtpTimeout.TotalMilliseconds };
        await client.ConnectAsync(options.Host ?? throw new InvalidOperationException("No SMTP host is configured."), options.Port, Map(options.SecureSocketOptions), cancellationToken);
        if (!string.IsNullOrEmpty(options.Username))
        {
            await client.AuthenticateAsync(options.Username, options.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    /// <summary>Umbraco's copy of MailKit's enum, mapped by name rather than by number.</summary>
    public static MailKitSocketOptions Map(UmbracoSocketOptions options) => options switch
    {
        UmbracoSocketOptions.None => MailKitSocketOptions.None,
        UmbracoSocketOptions.Auto => MailKitSocketOptions.Auto,
        UmbracoSocketOptions.SslOnConnect => MailKitSocketOptions.SslOnConnect,
        UmbracoSocketOptions.StartTls => MailKitSocketOptions.StartTls,
        UmbracoSocketOptions.StartTlsWhenAvailable => MailKitSocketOptions.StartTlsWhenAvailable,
        _ => throw new ArgumentOutOfRangeException(nameof(options), options, "Unknown secure socket option."),
    };
}
