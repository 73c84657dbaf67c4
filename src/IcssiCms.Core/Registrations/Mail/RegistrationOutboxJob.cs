using IcssiCms.Core.Registrations.Links;
using IcssiCms.Core.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NPoco;
using Umbraco.Cms.Core.Mail;
using Umbraco.Cms.Core.Models.Email;
using Umbraco.Cms.Infrastructure.BackgroundJobs;
using Umbraco.Cms.Infrastructure.Scoping;

namespace IcssiCms.Core.Registrations.Mail;

/// <summary>What one pass over the outbox did.</summary>
public sealed record OutboxPass(int Sent, int Failed, int Dropped);

/// <summary>
/// Sends the registration e-mails of the outbox through Umbraco's mail sender (<c>Umbraco:CMS:Global:Smtp</c>): each due
/// row, oldest first, composed in the registration's language with the event's name and the registration's links. A sent
/// row is deleted; a failed one is tried again later, after a wait that doubles with each attempt; a row whose
/// registration is gone (erased) is deleted unsent. As an Umbraco distributed background job it runs on one server of a
/// load-balanced site at a time. Delivery is at least once: a crash between sending and deleting sends that mail again.
/// Logs carry the outbox row's key, the kind and the attempt, never a name or an address.
/// </summary>
public sealed class RegistrationOutboxJob(
    IScopeProvider scopes,
    HubEvents events,
    IRegistrationLinks links,
    RegistrationMailComposer composer,
    IEmailSender sender,
    IOptionsMonitor<RegistrationOptions> options,
    TimeProvider clock,
    ILogger<RegistrationOutboxJob> logger) : IDistributedBackgroundJob
{
    public const string EmailType = "IcssiCms.Registration";
    private const int BatchSize = 100;

    private readonly SemaphoreSlim _onePass = new(1, 1);

    public string Name => "IcssiCms.RegistrationOutbox";

    public TimeSpan Period => options.CurrentValue.OutboxInterval;

    public Task ExecuteAsync() => ExecuteAsync(CancellationToken.None);

    public async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        if (!sender.CanSendRequiredEmail())
        {
            logger.LogWarning("Registration e-mails wait in the outbox: no mail sender is configured (Umbraco:CMS:Global:Smtp)");
            return;
        }

        await SendDueAsync(cancellationToken);
    }

    /// <summary>Sends every mail that is due now, oldest first; one pass at a time on this server.</summary>
    public async Task<OutboxPass> SendDueAsync(CancellationToken cancellationToken)
    {
        await _onePass.WaitAsync(cancellationToken);
        try
        {
            return await SendDueOnceAsync(cancellationToken);
        }
        finally
        {
            _onePass.Release();
        }
    }

    private async Task<OutboxPass> SendDueOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        int sent = 0, failed = 0, dropped = 0;
        // A failed mail is due again only after now, so each pass tries each mail once.
        while (!cancellationToken.IsCancellationRequested)
        {
            var due = Due(now);
            if (due.Count == 0)
            {
                break;
            }

            var done = new List<Guid>(due.Count);
            foreach (var (mail, registration, signUp) in due)
            {
                if (registration is null)
                {
                    logger.LogInformation("Outbox mail {OutboxKey} ({Kind}) dropped: its registration is gone", mail.Key, (RegistrationMailKind)mail.Kind);
                    done.Add(mail.Key);
                    dropped++;
                }
                else if (await SendAsync(mail, registration, signUp, now))
                {
                    done.Add(mail.Key);
                    sent++;
                }
                else
                {
                    failed++;
                }
            }

            // Sent: the rows go even when the site is stopping, or the mails would be sent twice. One commit for the
            // batch, not one per mail: the sign-ups share the database's one writer with this job.
            Delete(done);
        }

        if (sent + failed + dropped > 0)
        {
            logger.LogInformation("Registration outbox: {Sent} sent, {Failed} failed, {Dropped} dropped", sent, failed, dropped);
        }

        return new OutboxPass(sent, failed, dropped);
    }

    private List<(OutboxMailDto Mail, RegistrationDto? Registration, List<RegistrationDto> SignUp)> Due(DateTime now)
    {
        using var scope = scopes.CreateScope(autoComplete: true);
        var database = scope.Database;
        var rows = database.SkipTake<OutboxMailDto>(0, BatchSize, new Sql(
            $"SELECT * FROM {OutboxMailDto.TableName} WHERE dueUtc <= @0 ORDER BY dueUtc, createdUtc", now));
        if (rows.Count == 0)
        {
            return [];
        }

        // One query for the batch's registrations and one for the other places of their sign-ups, not two per mail.
        var registrations = database.Fetch<RegistrationDto>(new Sql(
                $"SELECT * FROM {RegistrationDto.TableName} WHERE [key] IN (@0)", rows.Select(r => r.RegistrationKey).Distinct().ToList()))
            .ToDictionary(r => r.Key);
        var signUps = registrations.Count == 0 ? Enumerable.Empty<RegistrationDto>().ToLookup(r => r.RecordKey) : database.Fetch<RegistrationDto>(new Sql(
                $"SELECT * FROM {RegistrationDto.TableName} WHERE recordKey IN (@0) AND status IN (@1, @2, @3) ORDER BY position",
                registrations.Values.Select(r => r.RecordKey).Distinct().ToList(), (int)RegistrationStatus.Pending, (int)RegistrationStatus.Confirmed, (int)RegistrationStatus.Waitlisted))
            .ToLookup(r => r.RecordKey);
        var due = new List<(OutboxMailDto, RegistrationDto?, List<RegistrationDto>)>(rows.Count);
        foreach (var row in rows)
        {
            var registration = registrations.GetValueOrDefault(row.RegistrationKey);
            due.Add((row, registration, registration is null ? [] : signUps[registration.RecordKey].Where(r => r.Key != registration.Key).ToList()));
        }

        return due;
    }

    private async Task<bool> SendAsync(OutboxMailDto mail, RegistrationDto registration, List<RegistrationDto> signUp, DateTime now)
    {
        var kind = (RegistrationMailKind)mail.Kind;
        try
        {
            var composed = composer.Compose(new RegistrationMail(
                kind,
                registration.Name,
                registration.Email,
                registration.Culture,
                events.NameOf(registration.EventKey, registration.Culture),
                links.Confirm(registration.Key),
                links.Cancel(registration.Key))
            {
                ForCampaign = events.KindOf(registration.EventKey) == HubContentTypes.Campaign.Alias,
                AlsoIncluded = kind is RegistrationMailKind.ConfirmPlace or RegistrationMailKind.Waitlisted
                    ? signUp.Select(r => new RegistrationMailPart(
                        events.NameOf(r.EventKey, registration.Culture), r.Status == (int)RegistrationStatus.Waitlisted, links.Cancel(r.Key))).ToList()
                    : [],
            });

            // From: left to Umbraco, which takes it from Umbraco:CMS:Global:Smtp:From.
            await sender.SendAsync(new EmailMessage(null, composed.ToAddress, composed.Subject, composed.HtmlBody, isBodyHtml: true), EmailType);
            return true;
        }
        catch (Exception ex)
        {
            var attempts = mail.Attempts + 1;
            var next = now + RetryDelay(attempts);
            using (var scope = scopes.CreateScope())
            {
                scope.Database.Execute(new Sql(
                    $"UPDATE {OutboxMailDto.TableName} SET attempts = @0, dueUtc = @1 WHERE [key] = @2", attempts, next, mail.Key));
                scope.Complete();
            }

            // The exception's type only: a mail server's message can quote the recipient's address.
            logger.LogWarning(
                "Outbox mail {OutboxKey} ({Kind}) failed on attempt {Attempt}, next attempt at {NextAttempt:o}: {Error}",
                mail.Key, kind, attempts, next, ex.GetType().Name + (ex.InnerException is { } inner ? " (" + inner.GetType().Name + ")" : string.Empty));
            return false;
        }
    }

    private void Delete(IReadOnlyCollection<Guid> keys)
    {
        if (keys.Count == 0)
        {
            return;
        }

        using var scope = scopes.CreateScope();
        foreach (var chunk in keys.Chunk(500))
        {
            scope.Database.Execute(new Sql($"DELETE FROM {OutboxMailDto.TableName} WHERE [key] IN (@0)", chunk));
        }

        scope.Complete();
    }

    /// <summary>One minute, doubling with each attempt, at most a day.</summary>
    public static TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(Math.Pow(2, Math.Max(0, attempts - 1)), TimeSpan.FromDays(1).TotalMinutes));
}
