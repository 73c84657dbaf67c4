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

    /// <summary>The published event's name in a culture (see <see cref="FindName"/>); empty when it is not published.</summary>
    public string NameOf(Guid eventKey, string culture) => FindName(eventKey, culture, includeDrafts: false) ?? string.Empty;

    /// <summary>
    /// The event's name in the culture, else in its language, else in the default culture, else invariant, else any
    /// (an invariant item's own name):
    /// from the published content, and (with <paramref name="includeDrafts"/>, for an e-mail about an event unpublished
    /// since the sign-up) from the drafts. Null when neither has the event.
    /// </summary>
    public string? FindName(Guid eventKey, string culture, bool includeDrafts)
    {
        foreach (var snapshot in includeDrafts ? new[] { snapshots.Current, snapshots.Draft } : [snapshots.Current])
        {
            if (snapshot.Find(eventKey) is not { } item)
            {
                continue;
            }

            if (item.Cultures.Count == 0)
            {
                return item.Node.Name;
            }

            var language = culture.Split('-', '_')[0];
            var match = Lookup(item.Cultures, culture) ?? Lookup(item.Cultures, language)
                ?? Lookup(item.Cultures, snapshot.DefaultCulture) ?? Lookup(item.Cultures, string.Empty)
                ?? item.Cultures.Values.OrderBy(c => c.Culture, StringComparer.Ordinal).First();
            return match.Name;
        }

        return null;
    }

    private static PublishedCulture? Lookup(IReadOnlyDictionary<string, PublishedCulture> cultures, string culture) =>
        cultures.TryGetValue(culture, out var exact)
            ? exact
            : cultures.Values.FirstOrDefault(c => string.Equals(c.Culture, culture, StringComparison.OrdinalIgnoreCase));
}
