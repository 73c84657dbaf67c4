using IcssiCms.Usync;
using IcssiCms.Usync.Model;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Services;
using Umbraco.Extensions;

namespace IcssiCms.Core.Usync.Handlers;

/// <summary>
/// Dictionary items, matched by key (then by their dictionary key), parents first. An item's translations become
/// exactly those of its file; a language the site does not have was refused by validation.
/// </summary>
public sealed class DictionaryHandler(IDictionaryItemService dictionary, ILanguageService languages) : IUsyncItemHandler
{
    public UsyncHandler Handler => UsyncHandlers.Dictionary;

    public async Task<int> ImportAsync(UsyncImportContext import, CancellationToken cancellationToken)
    {
        var changed = import.Set.Dictionary.Where(d => import.IsChanged(d.Source)).OrderBy(d => d.Level).ToList();
        if (changed.Count == 0)
        {
            return 0;
        }

        var byIsoCode = (await languages.GetAllAsync()).ToDictionary(l => l.IsoCode, StringComparer.OrdinalIgnoreCase);
        var keysByAlias = import.Set.Dictionary.ToDictionary(d => d.Alias, d => d.Key, StringComparer.OrdinalIgnoreCase);
        foreach (var item in changed)
        {
            // uSync names a parent by its dictionary key; the set (checked whole) has it, imported now or before.
            Guid? parentKey = string.IsNullOrEmpty(item.ParentAlias) ? null : keysByAlias[item.ParentAlias];

            var existing = await dictionary.GetAsync(item.Key) ?? await dictionary.GetAsync(item.Alias);
            var entry = existing ?? new DictionaryItem(parentKey, item.Alias) { Key = item.Key };
            entry.ItemKey = item.Alias;
            entry.ParentId = parentKey;

            // In place: Umbraco updates the translations it has read (by their ids) and inserts the others, so a new
            // translation object for a language the item has would be inserted beside the old one.
            foreach (var (isoCode, value) in item.Translations)
            {
                entry.AddOrUpdateDictionaryValue(
                    byIsoCode.GetValueOrDefault(isoCode) ?? throw new UsyncImportException(item.Source, $"The site has no language '{isoCode}'."),
                    value);
            }

            entry.Translations = entry.Translations.Where(t => item.Translations.Keys.Contains(t.LanguageIsoCode, StringComparer.OrdinalIgnoreCase)).ToList();

            var result = existing is null
                ? await dictionary.CreateAsync(entry, Constants.Security.SuperUserKey)
                : await dictionary.UpdateAsync(entry, Constants.Security.SuperUserKey);
            if (!result.Success)
            {
                throw new UsyncImportException(item.Source, $"Umbraco refused dictionary item '{item.Alias}': {result.Status}.");
            }
        }

        return changed.Count;
    }

    public async Task<int> DeleteAsync(IReadOnlyList<UsyncDelete> deletes, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var delete in deletes)
        {
            var item = (delete.Key != Guid.Empty ? await dictionary.GetAsync(delete.Key) : null) ?? await dictionary.GetAsync(delete.Alias);
            if (item is not null)
            {
                await dictionary.DeleteAsync(item.Key, Constants.Security.SuperUserKey);
                count++;
            }
        }

        return count;
    }

    public async Task<UsyncSet> ExportAsync(UsyncSet set, CancellationToken cancellationToken)
    {
        var items = (await dictionary.GetDescendantsAsync(null)).ToList();
        var byKey = items.ToDictionary(i => i.Key);
        int LevelOf(IDictionaryItem item)
        {
            var level = 0;
            for (var parent = item.ParentId; parent is { } key && byKey.TryGetValue(key, out var next); parent = next.ParentId)
            {
                level++;
            }

            return level;
        }

        return set with
        {
            Dictionary = items
                .Select(i => new UsyncDictionaryItem(
                    i.Key,
                    i.ItemKey,
                    i.ParentId is { } parent && byKey.TryGetValue(parent, out var p) ? p.ItemKey : null,
                    LevelOf(i),
                    i.Translations.ToDictionary(t => t.LanguageIsoCode, t => t.Value, StringComparer.OrdinalIgnoreCase),
                    UsyncExportSource.Umbraco))
                .ToList(),
        };
    }
}
