using IcssiCms.EmbeddedHost.Delivery.Snapshot;
using static Umbraco.Cms.Core.Constants.WebhookEvents;

namespace IcssiCms.EmbeddedHost.Webhooks;

/// <summary>
/// Finds the content events between two refreshes: published (new in the published snapshot, or its update date or a
/// published culture changed), unpublished (left the published snapshot, or lost a culture, but still a draft) and
/// deleted (gone from both). The first refresh after start, from the empty snapshot, raises nothing.
/// </summary>
public static class ContentChangeDetector
{
    public static IReadOnlyList<ContentChange> Detect(
        ContentSnapshot previousPublished, ContentSnapshot previousDraft, ContentSnapshot published, ContentSnapshot draft)
    {
        if (ReferenceEquals(previousPublished, ContentSnapshot.Empty) && ReferenceEquals(previousDraft, ContentSnapshot.Empty))
        {
            return [];
        }

        var changes = new List<ContentChange>();
        foreach (var item in published.Items.Values)
        {
            var before = previousPublished.Find(item.Key);
            var cultures = before is null || before.UpdateDate != item.UpdateDate
                ? item.Cultures.Keys.ToList()
                : item.Cultures.Values.Where(c => !before.Cultures.TryGetValue(c.Culture, out var old) || old != c).Select(c => c.Culture).ToList();
            if (cultures.Count > 0)
            {
                changes.Add(new ContentChange(Aliases.ContentPublish, item.Key, item.ContentTypeAlias, Sorted(cultures)));
            }

            var left = before?.Cultures.Keys.Where(c => !item.Cultures.ContainsKey(c)).ToList() ?? [];
            if (left.Count > 0)
            {
                changes.Add(new ContentChange(Aliases.ContentUnpublish, item.Key, item.ContentTypeAlias, Sorted(left)));
            }
        }

        foreach (var before in previousPublished.Items.Values.Where(i => !published.Items.ContainsKey(i.Key)))
        {
            if (draft.Items.ContainsKey(before.Key))
            {
                changes.Add(new ContentChange(Aliases.ContentUnpublish, before.Key, before.ContentTypeAlias, Sorted(before.Cultures.Keys)));
            }
        }

        var gone = previousPublished.Items.Values.Concat(previousDraft.Items.Values)
            .Where(i => !published.Items.ContainsKey(i.Key) && !draft.Items.ContainsKey(i.Key))
            .DistinctBy(i => i.Key);
        changes.AddRange(gone.Select(i => new ContentChange(Aliases.ContentDelete, i.Key, i.ContentTypeAlias, [])));
        return changes;
    }

    private static IReadOnlyList<string> Sorted(IEnumerable<string> cultures) => cultures.Order(StringComparer.OrdinalIgnoreCase).ToList();
}
