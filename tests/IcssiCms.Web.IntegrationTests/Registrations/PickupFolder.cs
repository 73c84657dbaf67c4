using IcssiCms.Core.Registrations.Mail;
using IcssiCms.Web.IntegrationTests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Umbraco.Cms.Infrastructure.BackgroundJobs;

namespace IcssiCms.Web.IntegrationTests.Registrations;

/// <summary>The e-mails Umbraco's mail sender wrote into the site's pickup folder (<c>umbraco/Data/Mail</c>), as files.</summary>
public sealed class PickupFolder(HubSite site)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public string Path => System.IO.Path.Combine(site.DataFolder, "Mail");

    /// <summary>Every e-mail to the address so far, in no particular order.</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        Directory.Exists(Path)
            ? Directory.EnumerateFiles(Path, "*.eml")
                .Select(Load)
                .OfType<MimeMessage>()
                .Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase)))
                .ToList()
            : [];

    /// <summary>A mail file, or null while the sender is still writing it.</summary>
    private static MimeMessage? Load(string file)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return MimeMessage.Load(stream);
        }
        catch (Exception ex) when (ex is IOException or FormatException or ParseException)
        {
            return null;
        }
    }

    /// <summary>
    /// The e-mails to the address once there are <paramref name="count"/> of them, sending the outbox as Umbraco's
    /// distributed job would (the test sites keep Umbraco's job service idle). Fails after half a minute.
    /// </summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(string address, int count = 1)
    {
        var outbox = site.Services.GetServices<IDistributedBackgroundJob>().OfType<RegistrationOutboxJob>().Single();
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            await outbox.SendDueAsync(CancellationToken.None);
            var mails = To(address);
            if (mails.Count >= count || DateTime.UtcNow > deadline)
            {
                Assert.True(mails.Count >= count, $"{mails.Count} of {count} e-mails reached the pickup folder within {Patience.TotalSeconds} s.");
                return mails;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}
