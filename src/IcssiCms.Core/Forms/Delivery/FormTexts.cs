using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Notifications;
using Umbraco.Cms.Core.Services;

namespace IcssiCms.Core.Forms.Delivery;

/// <summary>
/// Umbraco's dictionary as the forms' texts read it (<see cref="FormTranslator"/>), read once and again after Umbraco
/// says a dictionary item or language changed, which it says on every server of a load-balanced site.
/// </summary>
public sealed class FormTexts(IDictionaryItemService dictionary)
    : INotificationHandler<DictionaryCacheRefresherNotification>, INotificationHandler<LanguageCacheRefresherNotification>
{
    private Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>>? _items;

    /// <summary>Each dictionary item's translations by culture, by the item's key.</summary>
    public Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> GetAsync()
    {
        var items = Volatile.Read(ref _items);
        if (items is null || items.IsFaulted)
        {
            items = ReadAsync();
            Volatile.Write(ref _items, items);
        }

        return items;
    }

    public void Handle(DictionaryCacheRefresherNotification notification) => Volatile.Write(ref _items, null);

    public void Handle(LanguageCacheRefresherNotification notification) => Volatile.Write(ref _items, null);

    private async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> ReadAsync()
    {
        var items = await dictionary.GetDescendantsAsync(null);
        return items.ToDictionary(
            item => item.ItemKey,
            IReadOnlyDictionary<string, string> (item) => item.Translations.ToDictionary(t => t.LanguageIsoCode, t => t.Value, StringComparer.OrdinalIgnoreCase),
            StringComparer.OrdinalIgnoreCase);
    }
}
