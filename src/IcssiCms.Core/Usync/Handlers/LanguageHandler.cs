using IcssiCms.Usync;
using IcssiCms.Usync.Model;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Services;

namespace IcssiCms.Core.Usync.Handlers;

/// <summary>Languages, matched by ISO code as uSync matches them; fallbacks are set once every language exists.</summary>
public sealed class LanguageHandler(ILanguageService languages) : IUsyncItemHandler
{
    public UsyncHandler Handler => UsyncHandlers.Languages;

    public async Task<int> ImportAsync(UsyncImportContext import, CancellationToken cancellationToken)
    {
        var changed = import.Set.Languages.Where(l => import.IsChanged(l.Source)).OrderByDescending(l => l.IsDefault).ToList();
        foreach (var item in changed)
        {
            var language = await languages.GetAsync(item.IsoCode);
            var isNew = language is null;
            language ??= new Language(item.IsoCode, item.Name);
            language.CultureName = item.Name;
            language.IsMandatory = item.IsMandatory;

            // Umbraco keeps one default: a language becomes it, and the old one stops being it; none can stop on its own.
            language.IsDefault |= item.IsDefault;
            if (language.FallbackIsoCode is not null && await languages.GetAsync(language.FallbackIsoCode) is null)
            {
                language.FallbackIsoCode = null;
            }

            await SaveAsync(language, isNew, item.Source);
        }

        foreach (var item in changed)
        {
            var language = await languages.GetAsync(item.IsoCode) ?? throw new UsyncImportException(item.Source, $"Language '{item.IsoCode}' was not saved.");
            if (!string.Equals(language.FallbackIsoCode, item.Fallback, StringComparison.OrdinalIgnoreCase))
            {
                language.FallbackIsoCode = string.IsNullOrEmpty(item.Fallback) ? null : item.Fallback;
                await SaveAsync(language, isNew: false, item.Source);
            }
        }

        return changed.Count;
    }

    public async Task<int> DeleteAsync(IReadOnlyList<UsyncDelete> deletes, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var delete in deletes)
        {
            if (await languages.GetAsync(delete.Alias) is not null)
            {
                var result = await languages.DeleteAsync(delete.Alias, Constants.Security.SuperUserKey);
                if (!result.Success)
                {
                    throw new UsyncImportException(delete.Source, $"Umbraco refused to delete language '{delete.Alias}': {result.Status}.");
                }

                count++;
            }
        }

        return count;
    }

    public async Task<UsyncSet> ExportAsync(UsyncSet set, CancellationToken cancellationToken)
    {
        var all = await languages.GetAllAsync();
        return set with
        {
            Languages = all
                .Select(l => new UsyncLanguage(l.IsoCode, l.CultureName, l.IsDefault, l.IsMandatory, l.FallbackIsoCode, UsyncExportSource.Umbraco))
                .ToList(),
        };
    }

    private async Task SaveAsync(ILanguage language, bool isNew, SourceLocation source)
    {
        var result = isNew
            ? await languages.CreateAsync(language, Constants.Security.SuperUserKey)
            : await languages.UpdateAsync(language, Constants.Security.SuperUserKey);
        if (!result.Success)
        {
            throw new UsyncImportException(source, $"Umbraco refused language '{language.IsoCode}': {result.Status}.");
        }
    }
}
