using System.Globalization;
using IcssiCms.EmbeddedHost.Delivery.Snapshot;

namespace IcssiCms.EmbeddedHost.Registrations;

/// <summary>
/// Places per event, as editors set them on the published content: the <c>capacity</c> property of a conference
/// or session. Empty means no limit (campaigns have none).
/// </summary>
public sealed class EventCapacities(ContentSnapshotAccessor snapshots)
{
    public const string CapacityAlias = "capacity";

    public bool IsPublished(Guid eventKey) => snapshots.Current.Find(eventKey) is not null;

    public int? CapacityOf(Guid eventKey)
    {
        var value = snapshots.Current.Find(eventKey)?.Node.Properties
            .FirstOrDefault(p => p.Alias == CapacityAlias && p.Culture is null && p.Segment is null)?.Value;
        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var capacity) && capacity >= 0 ? capacity : null;
    }

    /// <summary>The event's name in a culture, or in the default culture when it has none there.</summary>
    public string NameOf(Guid eventKey, string culture)
    {
        var snapshot = snapshots.Current;
        if (snapshot.Find(eventKey) is not { } item)
        {
            return string.Empty;
        }

        return item.Cultures.Values.FirstOrDefault(c => string.Equals(c.Culture, culture, StringComparison.OrdinalIgnoreCase))?.Name
            ?? item.Cultures.Values.FirstOrDefault(c => string.Equals(c.Culture, snapshot.DefaultCulture, StringComparison.OrdinalIgnoreCase))?.Name
            ?? item.Node.Name;
    }
}
