namespace IcssiCms.EmbeddedHost.BackOffice.Content;

/// <summary>
/// The time zone editors schedule and read times in: <c>IcssiCms:BackOffice:TimeZone</c>, an IANA id such as
/// <c>Asia/Baghdad</c> or <c>Europe/Oslo</c> (UTC when unset). The store keeps UTC; only the pages convert.
/// </summary>
public sealed class BackOfficeTimeZone
{
    public const string Key = "IcssiCms:BackOffice:TimeZone";

    public BackOfficeTimeZone(IConfiguration configuration)
    {
        var id = configuration[Key] is { Length: > 0 } configured ? configured : "UTC";
        Zone = TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone
            : throw new InvalidOperationException($"{Key} is '{id}', which is not a time zone this machine knows; give an IANA id such as Asia/Baghdad or UTC.");
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>How the pages name the zone: "UTC", or its id ("Europe/Oslo").</summary>
    public string Name => Zone == TimeZoneInfo.Utc || Zone.Id is "UTC" or "Etc/UTC" ? "UTC" : Zone.Id;

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>
    /// A wall-clock time in the zone as UTC. A time the clocks skip (the hour lost when summer time starts) has no UTC
    /// and is refused; a time they pass twice (the hour repeated when it ends) is taken as the first.
    /// </summary>
    public DateTime? ToUtc(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            return null;
        }

        if (Zone.IsAmbiguousTime(local))
        {
            var firstOffset = Zone.GetAmbiguousTimeOffsets(local).Max();
            return DateTime.SpecifyKind(local - firstOffset, DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }
}
