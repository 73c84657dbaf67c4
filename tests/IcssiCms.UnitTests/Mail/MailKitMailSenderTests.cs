using System.Net.Mail;
using IcssiCms.EmbeddedHost.Mail;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;
using Umbraco.Cms.Core.Configuration.Models;
using MailKitSocketOptions = MailKit.Security.SecureSocketOptions;
using UmbracoSocketOptions = Umbraco.Cms.Core.Configuration.Models.SecureSocketOptions;

namespace IcssiCms.UnitTests.Mail;

public sealed class MailKitMailSenderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("icssi-mail-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private MailKitMailSender Sender(string pickup) => new(
        Options.Create(new SmtpSettings
        {
            From = "ICSSI <registrations@example.org>",
            DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
            PickupDirectoryLocation = pickup,
        }),
        new TestEnvironment(_root));

    private static MimeMessage Message()
    {
        var message = new MimeMessage { Subject = "Please confirm your place at ICSSI Conference 2014" };
        message.To.Add(new MailboxAddress("ليلى حسن", "layla@example.org"));
        message.Body = new TextPart("plain") { Text = "مرحبًا" };
        return message;
    }

    [Fact]
    public async Task Pickup_Writes_One_Parseable_Eml_Relative_To_The_Content_Root()
    {
        await Sender("umbraco/Data/Mail").SendAsync(Message(), CancellationToken.None);

        var folder = Path.Combine(_root, "umbraco", "Data", "Mail");
        var file = Assert.Single(Directory.GetFiles(folder));
        Assert.EndsWith(".eml", file, StringComparison.Ordinal);
        Assert.True(Guid.TryParse(Path.GetFileNameWithoutExtension(file), out _), file);

        var parsed = await MimeMessage.LoadAsync(file);
        Assert.Equal("Please confirm your place at ICSSI Conference 2014", parsed.Subject);
        Assert.Equal("registrations@example.org", Assert.IsType<MailboxAddress>(Assert.Single(parsed.From)).Address);
        Assert.Equal("ICSSI", ((MailboxAddress)parsed.From[0]).Name);
        Assert.Equal("ليلى حسن", ((MailboxAddress)parsed.To[0]).Name);
        Assert.Equal("مرحبًا", parsed.TextBody?.TrimEnd());
    }

    [Fact]
    public async Task Pickup_Keeps_A_From_The_Message_Already_Has()
    {
        var message = Message();
        message.From.Add(new MailboxAddress("Other", "other@example.org"));

        await Sender(_root).SendAsync(message, CancellationToken.None);

        var parsed = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(_root, "*.eml")));
        Assert.Equal("other@example.org", ((MailboxAddress)Assert.Single(parsed.From)).Address);
    }

    [Fact]
    public async Task Pickup_Never_Shows_A_Half_Written_Eml()
    {
        // A watcher sees every name that appears in the folder: an .eml must appear only by a rename, whole.
        var folder = Path.Combine(_root, "pickup");
        Directory.CreateDirectory(folder);
        var created = new List<string>();
        var renamed = new List<string>();
        using var watcher = new FileSystemWatcher(folder) { EnableRaisingEvents = true };
        watcher.Created += (_, e) => { lock (created) { created.Add(e.Name!); } };
        watcher.Renamed += (_, e) => { lock (renamed) { renamed.Add(e.Name!); } };

        var message = Message();
        message.Body = new TextPart("plain") { Text = new string('x', 2_000_000) };
        await Sender(folder).SendAsync(message, CancellationToken.None);
        await Task.Delay(300);

        var file = Assert.Single(Directory.GetFiles(folder));
        lock (created)
        {
            Assert.DoesNotContain(created, n => n.EndsWith(".eml", StringComparison.Ordinal));
        }

        lock (renamed)
        {
            Assert.Contains(Path.GetFileName(file), renamed);
        }

        Assert.Equal(2_000_000, (await MimeMessage.LoadAsync(file)).TextBody?.Trim().Length);
    }

    [Fact]
    public async Task A_Failed_Write_Leaves_No_File_Behind()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var folder = Path.Combine(_root, "cancelled");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => MailKitMailSender.WriteToPickupAsync(Message(), folder, cancelled.Token));

        Assert.Empty(Directory.GetFiles(folder, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData(UmbracoSocketOptions.None, MailKitSocketOptions.None)]
    [InlineData(UmbracoSocketOptions.Auto, MailKitSocketOptions.Auto)]
    [InlineData(UmbracoSocketOptions.SslOnConnect, MailKitSocketOptions.SslOnConnect)]
    [InlineData(UmbracoSocketOptions.StartTls, MailKitSocketOptions.StartTls)]
    [InlineData(UmbracoSocketOptions.StartTlsWhenAvailable, MailKitSocketOptions.StartTlsWhenAvailable)]
    public void Umbracos_Socket_Options_Map_To_MailKits(UmbracoSocketOptions umbraco, MailKitSocketOptions mailKit) =>
        Assert.Equal(mailKit, MailKitMailSender.Map(umbraco));

    private sealed class TestEnvironment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Development";

        public string ApplicationName { get; set; } = "IcssiCms.UnitTests";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
