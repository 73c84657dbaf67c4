using IcssiCms.Core.Schema;
using NPoco;
using Umbraco.Cms.Core.PublishedCache;
using Umbraco.Cms.Core.Services.Navigation;
using Umbraco.Cms.Infrastructure.Scoping;

namespace IcssiCms.Core.Registrations.BackOffice;

/// <summary>An event as the back office's Registrations view lists it: its places and how many hold, wait or left.</summary>
/// <param name="Name">The name in the site's default language (the draft's when the event is not published; empty when it is gone).</param>
/// <param name="Kind">The content type alias (conference, conferenceSession, campaign), or null when the event is gone.</param>
/// <param name="Capacity">Places; null is no limit.</param>
/// <param name="Held">Pending and confirmed: the places taken.</param>
public sealed record EventRegistrationCounts(
    Guid Id, string Name, string? Kind, bool Published, int? Capacity,
    int Held, int Confirmed, int Waitlisted, int Cancelled, int Expired)
{
    public int? Available => Capacity is { } capacity ? Math.Max(0, capacity - Held) : null;
}

/// <summary>One person's registration for an event, as administrators see it.</summary>
/// <param name="PlaceInLine">For a waitlisted registration, 1 for the next to get a place; otherwise null.</param>
public sealed record EventRegistration(
    Guid Id, string Name, string Email, string Culture, string Status, long Position, int? PlaceInLine,
    DateTime SignedUpAt, DateTime? EmailConfirmedAt);

/// <summary>
/// What the back office reads about registrations: counts per event, one event's registrations in line order, and the
/// rows of the CSV export. Reads Umbraco's database through its scopes, and names and capacities from the published content.
/// </summary>
public sealed class RegistrationReport(
    IScopeProvider scopes,
    HubEvents events,
    IDocumentNavigationQueryService navigation,
    IDefaultCultureAccessor defaultCulture)
{
    private static readonly string[] EventTypes = [HubContentTypes.Conference.Alias, HubContentTypes.ConferenceSession.Alias];

    /// <summary>
    /// Every event someone signed up for, and every published conference and session with a capacity even if nobody
    /// has: those in the content tree first, in tree order, then the rest (campaigns, unpublished or deleted events) by name.
    /// </summary>
    public async Task<IReadOnlyList<EventRegistrationCounts>> EventsAsync()
    {
        var byEvent = StatusCounts(null);
        var inTree = EventsInTree();
        var published = await events.FindAsync(inTree.Concat(byEvent.Keys));

        var listed = new List<EventRegistrationCounts>();
        foreach (var key in inTree.Where(k => byEvent.ContainsKey(k) || published.GetValueOrDefault(k)?.Capacity is not null))
        {
            listed.Add(Counts(key, published.GetValueOrDefault(key), byEvent.GetValueOrDefault(key)));
        }

        var others = new List<EventRegistrationCounts>();
        foreach (var key in byEvent.Keys.Except(inTree))
        {
            others.Add(Counts(key, published.GetValueOrDefault(key), byEvent[key]));
        }

        listed.AddRange(others.OrderBy(e => e.Name, StringComparer.CurrentCultureIgnoreCase));
        return listed;
    }

    /// <summary>One event's counts, or null when nobody signed up for it and it is not an event the site publishes.</summary>
    public async Task<EventRegistrationCounts?> EventAsync(Guid eventKey)
    {
        var counts = StatusCounts(eventKey).GetValueOrDefault(eventKey);
        var published = (await events.FindAsync([eventKey])).GetValueOrDefault(eventKey);
        return counts is null && published is null ? null : Counts(eventKey, published, counts);
    }

    /// <summary>
    /// One event's registrations: those holding a place, then those in line (next first), then those cancelled or
    /// expired, each in order of arrival.
    /// </summary>
    public IReadOnlyList<EventRegistration> RegistrationsOf(Guid eventKey)
    {
        List<RegistrationDto> rows;
        using (var scope = scopes.CreateScope(autoComplete: true))
        {
            rows = scope.Database.Fetch<RegistrationDto>(new Sql(
                $"SELECT * FROM {RegistrationDto.TableName} WHERE eventKey = @0 ORDER BY position", eventKey));
        }

        var placeInLine = 0;
        return rows
            .OrderBy(r => r.HoldsPlace ? 0 : (RegistrationStatus)r.Status == RegistrationStatus.Waitlisted ? 1 : 2)
            .ThenBy(r => r.Position)
            .Select(r => new EventRegistration(
                r.Key, r.Name, r.Email, r.Culture, ((RegistrationStatus)r.Status).ToText(), r.Position,
                (RegistrationStatus)r.Status == RegistrationStatus.Waitlisted ? ++placeInLine : null,
                Utc(r.CreatedUtc), r.EmailConfirmedUtc is { } confirmed ? Utc(confirmed) : null))
            .ToList();
    }

    /// <summary>Every registration (or one event's) for the CSV export, ordered by event and position, with the event's name.</summary>
    public IReadOnlyList<(string EventName, RegistrationDto Registration)> ExportRows(Guid? eventKey)
    {
        List<RegistrationDto> rows;
        using (var scope = scopes.CreateScope(autoComplete: true))
        {
            rows = eventKey is { } key
                ? scope.Database.Fetch<RegistrationDto>(new Sql($"SELECT * FROM {RegistrationDto.TableName} WHERE eventKey = @0 ORDER BY position", key))
                : scope.Database.Fetch<RegistrationDto>(new Sql($"SELECT * FROM {RegistrationDto.TableName} ORDER BY eventKey, position"));
        }

        var names = rows.Select(r => r.EventKey).Distinct().ToDictionary(key => key, EventName);
        return rows.Select(r => (names[r.EventKey], r)).ToList();
    }

    /// <summary>The event's name in the site's default language (its draft's when it is not published; empty when it is gone).</summary>
    public string EventName(Guid key) => events.NameOf(key, defaultCulture.DefaultCulture);

    /// <summary>The store keeps UTC without a kind; say so, so that JSON and CSV carry the Z.</summary>
    public static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private List<Guid> EventsInTree()
    {
        var found = new List<Guid>();
        if (!navigation.TryGetRootKeys(out var roots))
        {
            return found;
        }

        foreach (var root in roots)
        {
            var events = new HashSet<Guid>();
            foreach (var type in EventTypes)
            {
                if (navigation.TryGetDescendantsKeysOfType(root, type, out var ofType))
                {
                    events.UnionWith(ofType);
                }
            }

            if (events.Count > 0 && navigation.TryGetDescendantsKeys(root, out var inOrder))
            {
                found.AddRange(inOrder.Where(events.Contains));
            }
        }

        return found;
    }

    private EventRegistrationCounts Counts(Guid key, PublishedEvent? published, IReadOnlyDictionary<RegistrationStatus, int>? counts)
    {
        int Count(RegistrationStatus status) => counts?.GetValueOrDefault(status) ?? 0;
        return new EventRegistrationCounts(
            key, EventName(key), events.KindOf(key), published is not null, published?.Capacity,
            Count(RegistrationStatus.Pending) + Count(RegistrationStatus.Confirmed), Count(RegistrationStatus.Confirmed),
            Count(RegistrationStatus.Waitlisted), Count(RegistrationStatus.Cancelled), Count(RegistrationStatus.Expired));
    }

    /// <summary>How many registrations of each status, per event: every event's, or one's.</summary>
    private Dictionary<Guid, Dictionary<RegistrationStatus, int>> StatusCounts(Guid? eventKey)
    {
        var sql = new Sql($"SELECT eventKey AS EventKey, status AS Status, COUNT(*) AS Count FROM {RegistrationDto.TableName}");
        sql = eventKey is { } key ? sql.Append("WHERE eventKey = @0", key) : sql;
        using var scope = scopes.CreateScope(autoComplete: true);
        return scope.Database.Fetch<StatusCount>(sql.Append("GROUP BY eventKey, status"))
            .GroupBy(c => c.EventKey)
            .ToDictionary(g => g.Key, g => g.ToDictionary(c => (RegistrationStatus)c.Status, c => (int)c.Count));
    }

    private sealed class StatusCount
    {
        public Guid EventKey { get; set; }

        public int Status { get; set; }

        public long Count { get; set; }
    }
}
