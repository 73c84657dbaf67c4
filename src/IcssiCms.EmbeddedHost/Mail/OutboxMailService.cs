using IcssiCms.Core.Registrations.Links;
using IcssiCms.Core.Registrations.Mail;
using System.Net.Sockets;
using IcssiCms.EmbeddedHost.Delivery.Snapshot;
using IcssiCms.EmbeddedHost.Registrations;
using IcssiCms.EmbeddedHost.Usync;
using IcssiCms.Store.Storage;
using Microsoft.EntityFrameworkCore;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;

namespace IcssiCms.EmbeddedHost.Mail;

/// <summary>What one pass over the outbox did, and when the earliest mail left in it is due (null: none left).</summary>
public sealed record OutboxPassResult(int Sent, int Failed, int Dropped, DateTime? NextDueAt);

/// <summary>
/// Sends the outbox: every <see cref="OutboxMail"/> row that is due (never tried, or its retry time has come), in Id
/// order, composed in the registration's language with the event's published name and the registration's links. A
/// sent row is deleted; a failed one is tried again later, with an exponentially growing wait. A row whose registration
/// is gone (erased) is deleted unsent. It runs after the store is migrated and the content loaded, on
/// <see cref="OutboxSignal.Notify"/> or every <see cref="OutboxMailOptions.PollInterval"/>, whichever comes first.
/// Delivery is at least once: a crash between sending and deleting sends that one mail again.
/// Logs carry the outbox id, the kind and the attempt, never a name or an address.
/// </summary>
public sealed class OutboxMailService(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    EventCapacities events,
    MimeRegistrationMailComposer composer,
    IMailSender sender,
    ImportStatus importStatus,
    IOptions<OutboxMailOptions> options,
    TimeProvider time,
    ILogger<OutboxMailService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // The store is migrated and the published content loaded when the startup import is over.
            await WaitForStartupAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                var wait = options.Value.PollInterval;
                try
                {
                    var pass = await SendDueAsync(stoppingToken);
                    if (pass.NextDueAt is { } next)
                    {
                        var untilNext = next - time.GetUtcNow().UtcDateTime;
                        wait = untilNext < TimeSpan.Zero ? TimeSpan.Zero : untilNext < wait ? untilNext : wait;
                    }
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // A whole pass fails on the store or the wiring, not on one person's mail: the message is worth having.
                    logger.LogError("Outbox pass failed: {Error}", ex.GetType().Name + ": " + ex.Message);
                }

                if (wait > TimeSpan.Zero)
                {
                    await signal.WaitAsync(wait, time, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task WaitForStartupAsync(CancellationToken stoppingToken)
    {
        try
        {
            await importStatus.Completion.WaitAsync(stoppingToken);
        }
        catch (Exception) when (!stoppingToken.IsCancellationRequested)
        {
            // A refused or failed import still leaves a migrated store (or none, and each pass says so): go on.
        }
    }

    /// <summary>Sends every mail that is due now, oldest first; returns what it did.</summary>
    public async Task<OutboxPassResult> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var links = scope.ServiceProvider.GetRequiredService<IRegistrationLinks>();
        var settings = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        int sent = 0, failed = 0, dropped = 0;
        long after = 0;
        while (true)
        {
            var due = await db.Outbox.AsNoTracking()
                .Where(m => m.Id > after && (m.NextAttemptAt == null || m.NextAttemptAt <= now))
                .OrderBy(m => m.Id)
                .Take(Math.Max(1, settings.BatchSize))
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                break;
            }

            // One query for the batch's registrations and one for the other places of their sign-ups, not one per mail.
            var registrationIds = due.Select(m => m.RegistrationId).Distinct().ToList();
            var registrations = await db.Registrations.AsNoTracking()
                .Where(r => registrationIds.Contains(r.Id))
                .ToDictionaryAsync(r => r.Id, cancellationToken);
            var recordIds = registrations.Values.Select(r => r.RecordId).Distinct().ToList();
            var signUps = (await db.Registrations.AsNoTracking()
                    .Where(r => recordIds.Contains(r.RecordId)
                        && (r.Status == RegistrationStatus.Pending || r.Status == RegistrationStatus.Confirmed || r.Status == RegistrationStatus.Waitlisted))
                    .ToListAsync(cancellationToken))
                .ToLookup(r => r.RecordId);

            var done = new List<long>(due.Count);
            foreach (var mail in due)
            {
                after = mail.Id;
                if (!registrations.TryGetValue(mail.RegistrationId, out var registration))
                {
                    logger.LogInformation("Outbox mail {OutboxId} ({Kind}) dropped: its registration is gone", mail.Id, mail.Kind);
                    done.Add(mail.Id);
                    dropped++;
                }
                else if (await SendOneAsync(db, links, mail, registration, signUps[registration.RecordId], now, cancellationToken))
                {
                    done.Add(mail.Id);
                    sent++;
                }
                else
                {
                    failed++;
                }
            }

            // Sent: the rows go even when the host is stopping, or the mails would be sent twice.
            await db.Outbox.Where(m => done.Contains(m.Id)).ExecuteDeleteAsync(CancellationToken.None);
        }

        // Rows written during the pass (no retry time) are due at once; otherwise the earliest retry.
        var nextDue = await db.Outbox.AnyAsync(m => m.Id > after && m.NextAttemptAt == null, cancellationToken)
            ? now
            : await db.Outbox.MinAsync(m => m.NextAttemptAt, cancellationToken);
        if (sent + failed + dropped > 0)
        {
            logger.LogInformation("Outbox: {Sent} sent, {Failed} failed, {Dropped} dropped", sent, failed, dropped);
        }

        return new OutboxPassResult(sent, failed, dropped, nextDue);
    }

    /// <summary>Composes and sends one mail; on failure, schedules the next attempt. True when sent.</summary>
    private async Task<bool> SendOneAsync(
        HubDbContext db, IRegistrationLinks links, OutboxMail mail, Registration registration, IEnumerable<Registration> signUp, DateTime now,
        CancellationToken cancellationToken)
    {
        try
        {
            var eventName = events.FindName(registration.EventKey, registration.Culture, includeDrafts: true)
                ?? throw new OutboxMailException($"Event {registration.EventKey} is in neither the published nor the draft content.");
            var message = composer.Compose(new RegistrationMail(
                (IcssiCms.Core.Registrations.RegistrationMailKind)mail.Kind,
                registration.Name,
                registration.Email,
                registration.Culture,
                eventName,
                links.Confirm(registration.Id),
                links.Cancel(registration.Id))
            {
                AlsoIncluded = AlsoIncluded(links, mail.Kind, registration, signUp),
            });
            await sender.SendAsync(message, cancellationToken);
            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var attempts = mail.Attempts + 1;
            var next = now + options.Value.RetryDelay(attempts);
            await db.Outbox.Where(m => m.Id == mail.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, attempts).SetProperty(m => m.NextAttemptAt, next), CancellationToken.None);
            logger.LogWarning(
                "Outbox mail {OutboxId} ({Kind}) failed on attempt {Attempt}, next attempt at {NextAttemptAt:o}: {Error}",
                mail.Id, mail.Kind, attempts, next, Describe(ex));
            return false;
        }
    }

    /// <summary>
    /// A sign-up for several events gets one e-mail: the other places of the same sign-up, each with its own cancel
    /// link (the confirm link confirms them all).
    /// </summary>
    private IReadOnlyList<RegistrationMailPart> AlsoIncluded(
        IRegistrationLinks links, RegistrationMailKind kind, Registration registration, IEnumerable<Registration> signUp)
    {
        if (kind is not (RegistrationMailKind.ConfirmPlace or RegistrationMailKind.Waitlisted))
        {
            return [];
        }

        return signUp
            .Where(r => r.Id != registration.Id)
            .OrderBy(r => r.Position)
            .Select(r => new RegistrationMailPart(
                events.FindName(r.EventKey, registration.Culture, includeDrafts: true) ?? string.Empty, r.Status == RegistrationStatus.Waitlisted, links.Cancel(r.Id)))
            .Where(p => p.EventName.Length > 0)
            .ToList();
    }

    /// <summary>
    /// A failed send as the log may hold it: the exception's type and, for SMTP and socket errors, their codes. Not
    /// its message, which can quote the recipient (a server's "&lt;address&gt;: rejected", or the mailbox's name), except
    /// for the failures this class words itself, which name only ids.
    /// </summary>
    public static string Describe(Exception exception) => exception switch
    {
        OutboxMailException known => known.Message,
        SmtpCommandException smtp => $"{nameof(SmtpCommandException)}: {smtp.ErrorCode}, SMTP status {(int)smtp.StatusCode}",
        SocketException socket => $"{nameof(SocketException)}: {socket.SocketErrorCode}",
        { InnerException: { } inner } => exception.GetType().Name + " (" + inner.GetType().Name + ")",
        _ => exception.GetType().Name,
    };
}

/// <summary>A failure worded by the outbox sender itself, from ids only: safe to log as it is.</summary>
internal sealed class OutboxMailException(string message) : Exception(message);
