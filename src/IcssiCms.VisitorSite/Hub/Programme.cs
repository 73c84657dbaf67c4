namespace IcssiCms.VisitorSite.Hub;

/// <summary>
/// A conference's programme: its sessions by day and time, in the conference's time zone (its <c>timeZone</c>
/// property, an IANA id such as <c>Europe/Oslo</c>), where a session's date is the event's local time.
/// </summary>
public sealed record Programme(DateTime? Start, DateTime? End, string ZoneName, IReadOnlyList<ProgrammeDay> Days)
{
    public static Programme Of(ApiContent conference, IEnumerable<ApiContent> sessions)
    {
        var zone = ZoneOf(conference);
        var timed = sessions
            .Select(session => (Item: session, Start: session.Date("startDate", zone)))
            .Where(session => session.Start is not null)
            .Select(session => new ProgrammeSession(session.Item, session.Start!.Value))
            .OrderBy(session => session.Start)
            .ToList();
        var days = timed.GroupBy(session => session.Start.Date).Select(day => new ProgrammeDay(day.Key, day.ToList())).ToList();
        return new Programme(conference.Date("startDate", zone), conference.Date("endDate", zone), ZoneLabel(conference, zone), days);
    }

    public static TimeZoneInfo? ZoneOf(ApiContent? conference) =>
        conference?.Text("timeZone") is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;

    /// <summary>The local time of the conference's city, in the page's language ("Oslo", "أوسلو"), else the zone's city.</summary>
    private static string ZoneLabel(ApiContent conference, TimeZoneInfo? zone) =>
        conference.Text("city") ?? zone?.Id.Split('/')[^1].Replace('_', ' ') ?? string.Empty;
}

public sealed record ProgrammeDay(DateTime Date, IReadOnlyList<ProgrammeSession> Sessions);

public sealed record ProgrammeSession(ApiContent Item, DateTime Start);
