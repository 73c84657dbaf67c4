using IcssiCms.Core.Registrations.Links;
using IcssiCms.Core.Registrations.Mail;
using IcssiCms.EmbeddedHost.Delivery.Snapshot;
using IcssiCms.EmbeddedHost.Mail;
using IcssiCms.EmbeddedHost.Registrations;
using IcssiCms.EmbeddedHost.Usync;
using IcssiCms.Store.Storage;
using IcssiCms.Usync.Model;
using System.Net.Sockets;
using MailKit.Net.Smtp;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using UmbracoContentType = Umbraco.Cms.Core.Models.ContentType;

namespace IcssiCms.UnitTests.Mail;

public sealed class OutboxMailServiceTests : IAsyncLifetime
{
    private static readonly Guid Conference = Guid.Parse("5a0c1d2e-0000-4000-8000-000000002014");
    private static readonly DateTimeOffset Start = new(2014, 9, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly string _directory = Directory.CreateTempSubdirectory("icssi-outbox-").FullName;
    private readonly FakeTimeProvider _time = new(Start);
    private readonly RecordingSender _sender = new();
    private readonly ListLogger _log = new();
    private readonly OutboxSignal _signal = new();
    private ServiceProvider _services = null!;
    private string _connectionString = null!;

    public async Task InitializeAsync()
    {
        _connectionString = $"Data Source={Path.Combine(_directory, "outbox.sqlite.db")}";
        _services = new ServiceCollection()
            .AddDbContext<HubDbContext>(o => o.UseSqlite(_connectionString))
            .AddSingleton<IRegistrationLinks, FakeLinks>()
            .BuildServiceProvider();
        await using var db = NewContext();
        await db.Database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        Directory.Delete(_directory, recursive: true);
    }

    private HubDbContext NewContext() => new(new DbContextOptionsBuilder<HubDbContext>().UseSqlite(_connectionString).Options);

    private OutboxMailService Service(IMailSender? sender = null, ContentSnapshotAccessor? snapshots = null)
    {
        var status = new ImportStatus();
        status.Complete(null);
        return new OutboxMailService(
            _services.GetRequiredService<IServiceScopeFactory>(),
            _signal,
            new EventCapacities(snapshots ?? Snapshots()),
            new MimeRegistrationMailComposer(_time),
            sender ?? _sender,
            status,
            Options.Create(new OutboxMailOptions()),
            _time,
            _log);
    }

    private static ContentSnapshotAccessor Snapshots(bool withConference = true)
    {
        var names = new Dictionary<string, string>
        {
            ["en-US"] = "ICSSI Conference 2014",
            ["ar"] = "مؤتمر مبادرة التضامن مع المجتمع المدني العراقي 2014",
        };
        var node = new UsyncContent(
            Conference, "ICSSI Conference 2014", 2, Guid.NewGuid(), "-1", false, "conference", Start.UtcDateTime, 0,
            names, true, names.ToDictionary(n => n.Key, _ => true), [], new SourceLocation("icssi-conference-2014.config", 1));
        var item = new SnapshotItem(node, [], Start.UtcDateTime, names.ToDictionary(n => n.Key, n => new PublishedCulture(n.Key, n.Value, "/icssi-conference-2014/")));
        var items = withConference ? new Dictionary<Guid, SnapshotItem> { [Conference] = item } : [];
        var snapshot = new ContentSnapshot(items, new Dictionary<string, UmbracoContentType>(), new Dictionary<Guid, UsyncDataType>(), "en-US", ["en-US", "ar", "ckb"]);
        var accessor = new ContentSnapshotAccessor();
        accessor.Replace(snapshot, snapshot);
        return accessor;
    }

    private async Task<Registration> RegisterAsync(string name, string email, string culture, params RegistrationMailKind[] mails)
    {
        await using var db = NewContext();
        var registration = new Registration
        {
            Id = Guid.NewGuid(),
            RecordId = Guid.NewGuid(),
            FormKey = Guid.NewGuid(),
            EventKey = Conference,
            Email = email,
            Name = name,
            Culture = culture,
            Status = RegistrationStatus.Pending,
            CreatedAt = Start.UtcDateTime,
            UpdatedAt = Start.UtcDateTime,
        };
        db.Registrations.Add(registration);
        foreach (var kind in mails)
        {
            db.Outbox.Add(new OutboxMail { RegistrationId = registration.Id, Kind = kind, CreatedAt = Start.UtcDateTime });
        }

        await db.SaveChangesAsync();
        return registration;
    }

    private async Task<List<OutboxMail>> OutboxAsync()
    {
        await using var db = NewContext();
        return await db.Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    [Fact]
    public async Task Due_Mails_Are_Sent_In_Order_In_Each_Language_And_Deleted()
    {
        var layla = await RegisterAsync("Layla Hassan", "layla@example.org", "en-US", RegistrationMailKind.ConfirmPlace);
        await RegisterAsync("سارة علي", "sara@example.org", "ar", RegistrationMailKind.Waitlisted);
        await RegisterAsync("Karwan", "karwan@example.org", "ckb", RegistrationMailKind.Promoted);
        await using (var db = NewContext())
        {
            db.Outbox.Add(new OutboxMail
            {
                RegistrationId = layla.Id, Kind = RegistrationMailKind.Cancelled, CreatedAt = Start.UtcDateTime,
                Attempts = 1, NextAttemptAt = Start.UtcDateTime.AddMinutes(5),
            });
            await db.SaveChangesAsync();
        }

        var pass = await Service().SendDueAsync(CancellationToken.None);

        Assert.Equal(new OutboxPassResult(3, 0, 0, Start.UtcDateTime.AddMinutes(5)), pass);
        Assert.Equal(
            [
                "Please confirm your place at ICSSI Conference 2014",
                "أنت على قائمة الانتظار في مؤتمر مبادرة التضامن مع المجتمع المدني العراقي 2014",
                // Kurdish: no translation of the mail, and no Kurdish name of the event: English for both.
                "A place at ICSSI Conference 2014 is now yours",
            ],
            _sender.Sent.Select(m => m.Subject));
        Assert.Equal("layla@example.org", ((MailboxAddress)_sender.Sent[0].To[0]).Address);
        Assert.Contains($"https://hub.example.org/confirm/{layla.Id:N}", _sender.Sent[0].TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://hub.example.org/cancel/{layla.Id:N}", _sender.Sent[0].HtmlBody, StringComparison.Ordinal);

        var left = Assert.Single(await OutboxAsync());
        Assert.Equal(RegistrationMailKind.Cancelled, left.Kind);
    }

    [Fact]
    public async Task A_Mail_Whose_Registration_Was_Erased_Is_Dropped_Unsent()
    {
        var erased = await RegisterAsync("Layla Hassan", "layla@example.org", "en-US", RegistrationMailKind.ConfirmPlace);
        await RegisterAsync("Karwan", "karwan@example.org", "ckb", RegistrationMailKind.Waitlisted);
        await using (var db = NewContext())
        {
            await db.Registrations.Where(r => r.Id == erased.Id).ExecuteDeleteAsync();
        }

        var pass = await Service().SendDueAsync(CancellationToken.None);

        Assert.Equal(new OutboxPassResult(1, 0, 1, null), pass);
        Assert.Equal("karwan@example.org", ((MailboxAddress)Assert.Single(_sender.Sent).To[0]).Address);
        Assert.Empty(await OutboxAsync());
        Assert.DoesNotContain(_log.Messages, m => m.Contains("layla", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_Failed_Mail_Backs_Off_Exponentially_Up_To_An_Hour_And_Logs_No_Personal_Data()
    {
        await RegisterAsync("Layla Hassan", "layla@example.org", "en-US", RegistrationMailKind.ConfirmPlace);
        var failing = new FailingSender();
        var service = Service(failing);

        var first = await service.SendDueAsync(CancellationToken.None);

        Assert.Equal(new OutboxPassResult(0, 1, 0, Start.UtcDateTime.AddSeconds(30)), first);
        var mail = Assert.Single(await OutboxAsync());
        Assert.Equal(1, mail.Attempts);
        Assert.Equal(Start.UtcDateTime.AddSeconds(30), mail.NextAttemptAt);

        // Not due yet: not tried.
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(new OutboxPassResult(0, 0, 0, Start.UtcDateTime.AddSeconds(30)), await service.SendDueAsync(CancellationToken.None));
        Assert.Equal(1, failing.Calls);

        _time.Advance(TimeSpan.FromSeconds(1));
        await service.SendDueAsync(CancellationToken.None);
        mail = Assert.Single(await OutboxAsync());
        Assert.Equal(2, mail.Attempts);
        Assert.Equal(_time.GetUtcNow().UtcDateTime.AddMinutes(1), mail.NextAttemptAt);

        for (var i = 0; i < 10; i++)
        {
            _time.Advance(TimeSpan.FromHours(1));
            await service.SendDueAsync(CancellationToken.None);
        }

        mail = Assert.Single(await OutboxAsync());
        Assert.Equal(12, mail.Attempts);
        Assert.Equal(_time.GetUtcNow().UtcDateTime.AddHours(1), mail.NextAttemptAt);

        var warning = _log.Entries.First(e => e.Level == LogLevel.Warning).Message;
        Assert.Contains($"Outbox mail {mail.Id} (ConfirmPlace) failed on attempt 1", warning, StringComparison.Ordinal);
        Assert.EndsWith(": InvalidOperationException", warning, StringComparison.Ordinal);
        Assert.All(_log.Messages, m =>
        {
            Assert.DoesNotContain("layla", m, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Hassan", m, StringComparison.Ordinal);
            Assert.DoesNotContain("@", m, StringComparison.Ordinal);
        });

        // The server takes it in the end: sent once, and gone.
        failing.Fail = false;
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, (await service.SendDueAsync(CancellationToken.None)).Sent);
        Assert.Empty(await OutboxAsync());
    }

    [Fact]
    public async Task A_Mail_For_An_Event_That_Is_Not_In_The_Content_Waits_And_Is_Retried()
    {
        await RegisterAsync("Layla Hassan", "layla@example.org", "en-US", RegistrationMailKind.ConfirmPlace);

        var pass = await Service(snapshots: Snapshots(withConference: false)).SendDueAsync(CancellationToken.None);

        Assert.Equal(1, pass.Failed);
        Assert.Empty(_sender.Sent);
        Assert.Equal(1, Assert.Single(await OutboxAsync()).Attempts);
        Assert.Contains(_log.Messages, m => m.Contains(Conference.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_Running_Service_Sends_When_Signalled()
    {
        var service = Service();
        await service.StartAsync(CancellationToken.None);
        try
        {
            // Its first pass finds nothing; then it waits on the signal (its poll never times out on a fake clock).
            await Task.Delay(200);
            await RegisterAsync("Layla Hassan", "layla@example.org", "en-US", RegistrationMailKind.ConfirmPlace);
            _signal.Notify();

            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (_sender.Sent.Count == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            Assert.Single(_sender.Sent);
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task The_Signal_Coalesces_And_Times_Out()
    {
        var signal = new OutboxSignal();
        signal.Notify();
        signal.Notify();

        Assert.True(await signal.WaitAsync(TimeSpan.FromSeconds(30), TimeProvider.System, CancellationToken.None));
        Assert.False(await signal.WaitAsync(TimeSpan.FromMilliseconds(50), TimeProvider.System, CancellationToken.None));
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(7, 1920)]
    [InlineData(8, 3600)]
    [InlineData(1000, 3600)]
    public void Retry_Delay_Doubles_Up_To_An_Hour(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), new OutboxMailOptions().RetryDelay(attempts));

    [Fact]
    public void Logged_Errors_Keep_Their_Type_And_Codes_But_Not_Their_Messages()
    {
        var rejected = new SmtpCommandException(
            SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, new MailboxAddress("Layla Hassan", "layla@example.org"),
            "5.1.1 <layla@example.org>: Recipient address rejected");

        Assert.Equal("SmtpCommandException: RecipientNotAccepted, SMTP status 550", OutboxMailService.Describe(rejected));
        Assert.Equal("InvalidOperationException", OutboxMailService.Describe(new InvalidOperationException("see layla@example.org")));
        Assert.Equal("SocketException: ConnectionRefused", OutboxMailService.Describe(new SocketException((int)SocketError.ConnectionRefused)));
        Assert.Equal("IOException (SocketException)", OutboxMailService.Describe(new IOException("x", new SocketException())));
    }

    private sealed class FakeLinks : IRegistrationLinks
    {
        public Uri Confirm(Guid registrationId) => new($"https://hub.example.org/confirm/{registrationId:N}");

        public Uri Cancel(Guid registrationId) => new($"https://hub.example.org/cancel/{registrationId:N}");
    }

    private sealed class RecordingSender : IMailSender
    {
        private readonly List<MimeMessage> _sent = [];

        public IReadOnlyList<MimeMessage> Sent
        {
            get
            {
                lock (_sent)
                {
                    return _sent.ToList();
                }
            }
        }

        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            lock (_sent)
            {
                _sent.Add(message);
            }

            return Task.CompletedTask;
        }
    }

    private sealed class FailingSender : IMailSender
    {
        public bool Fail { get; set; } = true;

        public int Calls { get; private set; }

        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            Calls++;
            var to = ((MailboxAddress)message.To[0]).Address;
            return Fail
                ? throw new InvalidOperationException($"5.1.1 <{to}>: Recipient address rejected ({message.To[0]})")
                : Task.CompletedTask;
        }
    }

    private sealed class ListLogger : ILogger<OutboxMailService>
    {
        private readonly List<(LogLevel Level, string Message)> _entries = [];

        public IReadOnlyList<(LogLevel Level, string Message)> Entries
        {
            get
            {
                lock (_entries)
                {
                    return _entries.ToList();
                }
            }
        }

        public IEnumerable<string> Messages => Entries.Select(e => e.Message);

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_entries)
            {
                _entries.Add((logLevel, formatter(state, exception) + (exception is null ? string.Empty : " " + exception)));
            }
        }
    }
}
