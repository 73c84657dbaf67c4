using IcssiCms.Core.Registrations;
using RegistrationMailKind = IcssiCms.Store.Storage.RegistrationMailKind;
using RegistrationStatus = IcssiCms.Store.Storage.RegistrationStatus;
using IcssiCms.Store.Storage;

namespace IcssiCms.EmbeddedHost.Registrations;

/// <summary>A change to registrations, run by the <see cref="RegistrationWriter"/> inside one of its transactions.</summary>
internal abstract class RegistrationCommand
{
    /// <summary>Runs in the batch's transaction. May run again, on a fresh transaction, if the batch is retried.</summary>
    public abstract void Apply(RegistrationBatch batch, RegistrationRules rules);

    /// <summary>Called once the transaction holding this command is durably committed.</summary>
    public abstract void Succeed();

    public abstract void Fail(Exception exception);
}

internal abstract class RegistrationCommand<TResult> : RegistrationCommand
{
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TResult? _result;

    public Task<TResult> Completion => _completion.Task;

    public sealed override void Apply(RegistrationBatch batch, RegistrationRules rules) => _result = Execute(batch, rules);

    public sealed override void Succeed() => _completion.TrySetResult(_result!);

    public sealed override void Fail(Exception exception) => _completion.TrySetException(exception);

    protected abstract TResult Execute(RegistrationBatch batch, RegistrationRules rules);
}

/// <summary>What the writer needs from outside the store: each event's capacity, and the timing settings.</summary>
internal sealed record RegistrationRules(Func<Guid, int?> CapacityOf, TimeSpan ResendAfter, TimeSpan ConfirmWithin, TimeSpan RetainFor)
{
    public bool HasFreePlace(RegistrationBatch batch, Guid eventKey) =>
        CapacityOf(eventKey) is not { } capacity || batch.PlacesHeld(eventKey) < capacity;

    /// <summary>Gives freed places to the next in line, each told by e-mail.</summary>
    public int PromoteWaiting(RegistrationBatch batch, Guid eventKey)
    {
        var promoted = 0;
        while (HasFreePlace(batch, eventKey) && batch.NextInLine(eventKey) is { } next)
        {
            Promote(batch, next);
            promoted++;
        }

        return promoted;
    }

    public static StoredRegistrationRow Promote(RegistrationBatch batch, StoredRegistrationRow row)
    {
        var promoted = batch.SetStatus(row, row.EmailConfirmedAt is null ? RegistrationStatus.Pending : RegistrationStatus.Confirmed);
        batch.QueueMail(promoted, RegistrationMailKind.Promoted);
        return promoted;
    }
}

/// <summary>
/// Allocates a place per chosen event: held while there is room, else in line. A repeat for the same e-mail and
/// event finds the existing registration and changes nothing; a cancelled or expired one is brought back.
/// One e-mail per sign-up, whatever the number of events.
/// </summary>
internal sealed class SignUpCommand(SignUpRequest request) : RegistrationCommand<SignUpResult>
{
    protected override SignUpResult Execute(RegistrationBatch batch, RegistrationRules rules)
    {
        var recordId = Guid.NewGuid();
        var places = new List<PlaceResult>();
        var added = new List<StoredRegistrationRow>();
        StoredRegistrationRow? unconfirmedRepeat = null;
        foreach (var eventKey in request.Events.Distinct())
        {
            var existing = batch.Find(eventKey, request.Email);
            if (existing is { IsActive: true })
            {
                places.Add(new PlaceResult(eventKey, existing.HoldsPlace ? PlaceOutcome.Placed : PlaceOutcome.Waitlisted));
                if (existing.EmailConfirmedAt is null && (existing.LastMailedAt is null || existing.LastMailedAt < batch.Now - rules.ResendAfter))
                {
                    unconfirmedRepeat ??= existing;
                }

                continue;
            }

            var placed = rules.HasFreePlace(batch, eventKey);
            var row = new StoredRegistrationRow(
                existing?.Id ?? Guid.NewGuid(), recordId, request.FormKey, eventKey, request.Email, request.Name, request.Culture,
                placed ? RegistrationStatus.Pending : RegistrationStatus.Waitlisted, batch.TakePosition(),
                existing?.CreatedAt ?? batch.Now, batch.Now, EmailConfirmedAt: null, LastMailedAt: null);
            batch.Upsert(row, heldBefore: false);
            added.Add(row);
            places.Add(new PlaceResult(eventKey, placed ? PlaceOutcome.Placed : PlaceOutcome.Waitlisted));
        }

        if (added.Count > 0 || request.Events.Count == 0)
        {
            batch.InsertRecord(new FormRecord
            {
                Id = recordId,
                FormKey = request.FormKey,
                ContentKey = request.ContentKey,
                Culture = request.Culture,
                Email = request.Email,
                Values = request.ValuesJson,
                ConsentVersion = request.Consent?.Version,
                ConsentedAt = request.Consent is null ? null : batch.Now,
                CreatedAt = batch.Now,
            });
            if (request.Consent is { } consent)
            {
                batch.RecordConsentText(consent.Version, consent.Culture, consent.Text);
            }

            if (added.Count > 0)
            {
                // One e-mail for the whole sign-up, headed by a held place if there is one; it lists the others.
                var held = added.FirstOrDefault(r => r.HoldsPlace);
                batch.QueueMail(held ?? added[0], held is null ? RegistrationMailKind.Waitlisted : RegistrationMailKind.ConfirmPlace);
            }
        }
        else if (unconfirmedRepeat is not null)
        {
            // The person signed up again without confirming: the first e-mail was probably lost, so send it again.
            batch.QueueMail(unconfirmedRepeat, unconfirmedRepeat.HoldsPlace ? RegistrationMailKind.ConfirmPlace : RegistrationMailKind.Waitlisted);
        }

        return new SignUpResult(places);
    }
}

public enum LinkOutcome
{
    Done,
    AlreadyDone,
    NotFound,

    /// <summary>The registration was cancelled or expired; it cannot be confirmed.</summary>
    Closed,
}

public sealed record LinkResult(LinkOutcome Outcome, Guid? EventKey, RegistrationStatus? Status);

/// <summary>
/// The e-mailed confirm link: confirms the address for every registration of the same sign-up; held places
/// become confirmed, places in line stay in line with the address confirmed.
/// </summary>
internal sealed class ConfirmCommand(Guid registrationId) : RegistrationCommand<LinkResult>
{
    protected override LinkResult Execute(RegistrationBatch batch, RegistrationRules rules)
    {
        if (batch.Find(registrationId) is not { } row)
        {
            return new LinkResult(LinkOutcome.NotFound, null, null);
        }

        if (!row.IsActive)
        {
            return new LinkResult(LinkOutcome.Closed, row.EventKey, row.Status);
        }

        if (row.EmailConfirmedAt is not null)
        {
            return new LinkResult(LinkOutcome.AlreadyDone, row.EventKey, row.Status);
        }

        var status = row.Status;
        foreach (var sibling in batch.OfRecord(row.RecordId).Where(r => r.IsActive && r.EmailConfirmedAt is null))
        {
            var confirmed = batch.SetStatus(sibling, sibling.Status == RegistrationStatus.Pending ? RegistrationStatus.Confirmed : sibling.Status, batch.Now);
            if (sibling.Id == row.Id)
            {
                status = confirmed.Status;
            }
        }

        return new LinkResult(LinkOutcome.Done, row.EventKey, status);
    }
}

/// <summary>The e-mailed cancel link (one per event): frees the place, which goes to the next in line.</summary>
internal sealed class CancelCommand(Guid registrationId) : RegistrationCommand<LinkResult>
{
    protected override LinkResult Execute(RegistrationBatch batch, RegistrationRules rules)
    {
        if (batch.Find(registrationId) is not { } row)
        {
            return new LinkResult(LinkOutcome.NotFound, null, null);
        }

        if (!row.IsActive)
        {
            return new LinkResult(LinkOutcome.AlreadyDone, row.EventKey, row.Status);
        }

        var cancelled = batch.SetStatus(row, RegistrationStatus.Cancelled);
        batch.QueueMail(cancelled, RegistrationMailKind.Cancelled);
        if (row.HoldsPlace)
        {
            rules.PromoteWaiting(batch, row.EventKey);
        }

        return new LinkResult(LinkOutcome.Done, row.EventKey, RegistrationStatus.Cancelled);
    }
}

public enum PromoteOutcome
{
    /// <summary>A place was free: the person has it.</summary>
    Promoted,

    /// <summary>The event is full: the person is now first in line, and gets the next place that frees.</summary>
    FirstInLine,
    NotFound,
    NotWaitlisted,
}

/// <summary>
/// Staff take someone off the waitlist out of turn: given a free place if there is one, else put first in line, so
/// the next place that frees is theirs. Never past capacity.
/// </summary>
internal sealed class PromoteCommand(Guid registrationId) : RegistrationCommand<PromoteOutcome>
{
    protected override PromoteOutcome Execute(RegistrationBatch batch, RegistrationRules rules)
    {
        if (batch.Find(registrationId) is not { } row)
        {
            return PromoteOutcome.NotFound;
        }

        if (row.Status != RegistrationStatus.Waitlisted)
        {
            return PromoteOutcome.NotWaitlisted;
        }

        if (rules.HasFreePlace(batch, row.EventKey))
        {
            RegistrationRules.Promote(batch, row);
            return PromoteOutcome.Promoted;
        }

        if (batch.NextInLine(row.EventKey) is { } first && first.Id != row.Id)
        {
            batch.SetPosition(row, first.Position - 1);
        }

        return PromoteOutcome.FirstInLine;
    }
}

/// <summary>After content changes (a capacity raised), gives the places now free to those in line.</summary>
internal sealed class FillFreePlacesCommand : RegistrationCommand<int>
{
    protected override int Execute(RegistrationBatch batch, RegistrationRules rules) =>
        batch.EventsWithWaitlist().Sum(eventKey => rules.PromoteWaiting(batch, eventKey));
}

public sealed record ErasureResult(int Records, int Registrations);

/// <summary>A data-subject request: everything held on one e-mail address is deleted; freed places go to those in line.</summary>
internal sealed class EraseCommand(string email) : RegistrationCommand<ErasureResult>
{
    protected override ErasureResult Execute(RegistrationBatch batch, RegistrationRules rules)
    {
        var rows = batch.OfEmail(email);
        foreach (var row in rows)
        {
            batch.Delete(row);
        }

        var records = batch.DeleteRecordsOf(email);
        foreach (var eventKey in rows.Where(r => r.HoldsPlace).Select(r => r.EventKey).Distinct())
        {
            rules.PromoteWaiting(batch, eventKey);
        }

        return new ErasureResult(records, rows.Count);
    }
}

public sealed record SubjectData(IReadOnlyList<FormRecord> Records, IReadOnlyList<Registration> Registrations);

/// <summary>A data-subject request: a copy of everything held on one e-mail address.</summary>
internal sealed class ExportSubjectCommand(string email) : RegistrationCommand<SubjectData>
{
    protected override SubjectData Execute(RegistrationBatch batch, RegistrationRules rules) =>
        new(batch.RecordsOf(email), batch.OfEmail(email).Select(r => r.ToRegistration()).ToList());
}

public sealed record MaintenanceResult(int Expired, int RecordsDeleted, int RegistrationsDeleted);

/// <summary>
/// The periodic job: held places not confirmed in time are released (and given to those in line), and records
/// older than the retention age are deleted with their registrations.
/// </summary>
internal sealed class MaintenanceCommand : RegistrationCommand<MaintenanceResult>
{
    protected override MaintenanceResult Execute(RegistrationBatch batch, RegistrationRules rules)
    {
        var freed = new HashSet<Guid>();
        var expired = batch.PendingSince(batch.Now - rules.ConfirmWithin);
        foreach (var row in expired)
        {
            batch.SetStatus(row, RegistrationStatus.Expired);
            freed.Add(row.EventKey);
        }

        var cutoff = batch.Now - rules.RetainFor;
        var old = batch.OfRecordsOlderThan(cutoff);
        foreach (var row in old)
        {
            batch.Delete(row);
            if (row.HoldsPlace)
            {
                freed.Add(row.EventKey);
            }
        }

        var records = batch.DeleteRecordsOlderThan(cutoff);
        foreach (var eventKey in freed)
        {
            rules.PromoteWaiting(batch, eventKey);
        }

        return new MaintenanceResult(expired.Count, records, old.Count);
    }
}
