using IcssiCms.Core.Schema;
using Umbraco.Cms.Core.Models.PublishedContent;
using Umbraco.Cms.Core.PublishedCache;

namespace IcssiCms.Core.Registrations;

/// <summary>An event (or campaign) a sign-up can choose, as published: its places (null: no limit) and its names.</summary>
public sealed record PublishedEvent(Guid Key, int? Capacity, IPublishedContent Content)
{
    public string NameIn(string culture) =>
        Content.Cultures.TryGetValue(culture, out var variant) && !string.IsNullOrEmpty(variant.Name) ? variant.Name : Content.Name;
}

/// <summary>The events sign-ups choose, read from Umbraco's published content: an unpublished event takes no sign-ups.</summary>
public sealed class HubEvents(IPublishedContentCache content)
{
    public async Task<IReadOnlyDictionary<Guid, PublishedEvent>> FindAsync(IEnumerable<Guid> keys)
    {
        var found = new Dictionary<Guid, PublishedEvent>();
        foreach (var key in keys.Distinct())
        {
            if (await content.GetByIdAsync(key) is { } item)
            {
                found[key] = new PublishedEvent(key, CapacityOf(item), item);
            }
        }

        return found;
    }

    /// <summary>The event as published now, or null when it is not published (or not there).</summary>
    public PublishedEvent? Find(Guid key) =>
        content.GetById(key) is { } item ? new PublishedEvent(key, CapacityOf(item), item) : null;

    private static int? CapacityOf(IPublishedContent item) =>
        item.GetProperty(HubContentTypes.Conference.Capacity) is { } property && property.HasValue() && property.GetValue() is int capacity
            ? capacity
            : null;
}
