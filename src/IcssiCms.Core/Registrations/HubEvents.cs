using IcssiCms.Core.Schema;
using Umbraco.Cms.Core.Models.PublishedContent;
using Umbraco.Cms.Core.PublishedCache;

namespace IcssiCms.Core.Registrations;

/// <summary>An event (or campaign) a sign-up can choose, as published: its places (null: no limit) and its names.</summary>
public sealed record PublishedEvent(Guid Key, int? Capacity, IPublishedContent Content)
{
    public string NameIn(string culture) => HubEvents.NameIn(Content, culture);
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

    /// <summary>
    /// The event's name in the culture, as published, or as its draft when it is not published (an e-mail or a list of
    /// registrations can outlive the publication); empty when it is gone.
    /// </summary>
    public string NameOf(Guid key, string culture) => PublishedOrDraft(key) is { } item ? NameIn(item, culture) : string.Empty;

    /// <summary>The event's content type alias, published or draft; null when it is gone.</summary>
    public string? KindOf(Guid key) => PublishedOrDraft(key)?.ContentType.Alias;

    internal static string NameIn(IPublishedContent item, string culture) =>
        item.Cultures.TryGetValue(culture, out var variant) && !string.IsNullOrEmpty(variant.Name) ? variant.Name : item.Name;

    private IPublishedContent? PublishedOrDraft(Guid key) => content.GetById(key) ?? content.GetById(preview: true, key);

    private static int? CapacityOf(IPublishedContent item) =>
        item.GetProperty(HubContentTypes.Conference.Capacity) is { } property && property.HasValue() && property.GetValue() is int capacity
            ? capacity
            : null;
}
