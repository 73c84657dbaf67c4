using Microsoft.Extensions.Options;
using NPoco;
using Umbraco.Cms.Infrastructure.Persistence;
using Umbraco.Cms.Infrastructure.Scoping;

namespace IcssiCms.Core.Registrations;

/// <summary>
/// Registrations in Umbraco's database, through Umbraco's scopes. Every change takes <see cref="RegistrationLock"/> for
/// writing, so that counting an event's held places and taking one is one step on every server of the site; it commits
/// with the scope, so an answer given after it is durable.
/// </summary>
public sealed class RegistrationStore(IScopeProvider scopes, TimeProvider clock, IOptionsMonitor<RegistrationOptions> options)
{
    /// <summary>
    /// Sign-ups in one scope and one commit, in the order given (a later one sees the places an earlier one took); if
    /// any fails, none is stored. Each allocates a place per chosen event: held while the event has room (its capacity:
    /// null is no limit), else in line. A repeat for the same e-mail and event finds the registration there is and
    /// changes nothing; a cancelled or expired one is brought back. One e-mail per sign-up, whatever the number of
    /// events; a repeat of an unconfirmed sign-up sends its e-mail again, once <see cref="RegistrationOptions.ResendAfter"/>
    /// has passed.
    /// </summary>
    public IReadOnlyList<SignUpResult> SignUpAll(IReadOnlyList<(SignUpRequest Request, IReadOnlyDictionary<Guid, int?> Capacities)> signUps)
    {
        using var scope = scopes.CreateScope();
        scope.EagerWriteLock(RegistrationLock.Id);
        var database = scope.Database;
        var now = clock.GetUtcNow().UtcDateTime;
        var nextPosition = database.ExecuteScalar<long?>(new Sql($"SELECT MAX(position) FROM {RegistrationDto.TableName}")) ?? 0;
        var results = new List<SignUpResult>(signUps.Count);
        foreach (var (request, capacities) in signUps)
        {
            results.Add(SignUpIn(database, request, capacities, now, ref nextPosition));
        }

        scope.Complete();
        return results;
    }

    private SignUpResult SignUpIn(IUmbracoDatabase database, SignUpRequest request, IReadOnlyDictionary<Guid, int?> capacities, DateTime now, ref long nextPosition)
    {
        var recordKey = Guid.NewGuid();
        var places = new List<PlaceResult>();
        var added = new List<RegistrationDto>();
        RegistrationDto? unconfirmedRepeat = null;

        foreach (var eventKey in request.Events.Distinct())
        {
            var existing = database.FirstOrDefault<RegistrationDto>(new Sql(
                $"SELECT * FROM {RegistrationDto.TableName} WHERE eventKey = @0 AND email = @1", eventKey, request.Email));
            if (existing is { IsActive: true })
            {
                places.Add(new PlaceResult(eventKey, existing.HoldsPlace ? PlaceOutcome.Placed : PlaceOutcome.Waitlisted));
                if (existing.EmailConfirmedUtc is null && LastMailed(database, existing.Key) is var mailed
                    && (mailed is null || mailed < now - options.CurrentValue.ResendAfter))
                {
                    unconfirmedRepeat ??= existing;
                }

                continue;
            }

            var placed = capacities.GetValueOrDefault(eventKey) is not { } capacity || HeldPlaces(database, eventKey) < capacity;
            var row = new RegistrationDto
            {
                Key = existing?.Key ?? Guid.NewGuid(),
                RecordKey = recordKey,
                FormKey = request.FormKey,
                EventKey = eventKey,
                Email = request.Email,
                Name = request.Name,
                Culture = request.Culture,
                Status = (int)(placed ? RegistrationStatus.Pending : RegistrationStatus.Waitlisted),
                Position = ++nextPosition,
                CreatedUtc = existing?.CreatedUtc ?? now,
                UpdatedUtc = now,
            };
            if (existing is null)
            {
                database.Insert(row);
            }
            else
            {
                database.Update(row);
            }

            added.Add(row);
            places.Add(new PlaceResult(eventKey, placed ? PlaceOutcome.Placed : PlaceOutcome.Waitlisted));
        }

        if (added.Count > 0 || request.Events.Count == 0)
        {
            database.Insert(new FormRecordDto
            {
                Key = recordKey,
                FormKey = request.FormKey,
                ContentKey = request.ContentKey,
                Culture = request.Culture,
                Email = request.Email,
                ValuesJson = request.ValuesJson,
                ConsentVersion = request.Consent?.Version,
                ConsentText = request.Consent?.Text,
                CreatedUtc = now,
            });

            if (added.Count > 0)
            {
                // One e-mail for the whole sign-up, headed by a held place if there is one; it lists the others.
                var held = added.FirstOrDefault(r => r.HoldsPlace);
                QueueMail(database, held ?? added[0], held is null ? RegistrationMailKind.Waitlisted : RegistrationMailKind.ConfirmPlace, now);
            }
        }
        else if (unconfirmedRepeat is not null)
        {
            // Signed up again without confirming: the first e-mail was probably lost, so it is sent again.
            QueueMail(database, unconfirmedRepeat, unconfirmedRepeat.HoldsPlace ? RegistrationMailKind.ConfirmPlace : RegistrationMailKind.Waitlisted, now);
        }

        return new SignUpResult(places);
    }

    /// <summary>Held places per event (pending and confirmed), for the events given.</summary>
    public IReadOnlyDictionary<Guid, int> HeldPlaces(IEnumerable<Guid> events)
    {
        using var scope = scopes.CreateScope(autoComplete: true);
        return events.Distinct().ToDictionary(e => e, e => HeldPlaces(scope.Database, e));
    }

    /// <summary>Everything stored for one e-mail address: its records and its registrations.</summary>
    public (IReadOnlyList<FormRecordDto> Records, IReadOnlyList<RegistrationDto> Registrations) Of(string email)
    {
        using var scope = scopes.CreateScope(autoComplete: true);
        var normalized = email.Trim().ToLowerInvariant();
        return (
            scope.Database.Fetch<FormRecordDto>(new Sql($"SELECT * FROM {FormRecordDto.TableName} WHERE email = @0 ORDER BY createdUtc", normalized)),
            scope.Database.Fetch<RegistrationDto>(new Sql($"SELECT * FROM {RegistrationDto.TableName} WHERE email = @0 ORDER BY position", normalized)));
    }

    private static int HeldPlaces(IUmbracoDatabase database, Guid eventKey) =>
        database.ExecuteScalar<int>(new Sql(
            $"SELECT COUNT(*) FROM {RegistrationDto.TableName} WHERE eventKey = @0 AND status IN (@1, @2)",
            eventKey, (int)RegistrationStatus.Pending, (int)RegistrationStatus.Confirmed));

    private static DateTime? LastMailed(IUmbracoDatabase database, Guid registrationKey) =>
        database.ExecuteScalar<DateTime?>(new Sql($"SELECT MAX(createdUtc) FROM {OutboxMailDto.TableName} WHERE registrationKey = @0", registrationKey));

    private static void QueueMail(IUmbracoDatabase database, RegistrationDto registration, RegistrationMailKind kind, DateTime now) =>
        database.Insert(new OutboxMailDto
        {
            Key = Guid.NewGuid(),
            RegistrationKey = registration.Key,
            Kind = (int)kind,
            DueUtc = now,
            CreatedUtc = now,
        });
}
