using System.Text.Json;
using IcssiCms.Store.Storage;
using IcssiCms.Usync.Model;
using Microsoft.EntityFrameworkCore;

namespace IcssiCms.Store.Reading;

/// <summary>The forms and dictionary items of the store, as the uSync files described them.</summary>
public sealed record FormSchema(IReadOnlyList<UsyncForm> Forms, IReadOnlyList<UsyncDictionaryItem> Dictionary);

/// <summary>
/// Reads the imported forms and dictionary back into the uSync model. A form's <see cref="StoredForm.Definition"/> is the
/// JSON of the whole <see cref="UsyncForm"/> (with the file and lines it was read from), so a form reads back exactly as
/// it was imported; a dictionary item has no file in the store, so its source is <c>store</c>.
/// </summary>
public static class StoreFormReader
{
    private static readonly SourceLocation Store = new("store", 0);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public static async Task<FormSchema> ReadAsync(HubDbContext db, CancellationToken ct)
    {
        var forms = await db.Forms.AsNoTracking().OrderBy(f => f.Alias).ToListAsync(ct);
        var dictionary = await db.DictionaryItems.AsNoTracking().OrderBy(d => d.Level).ThenBy(d => d.ItemKey).ToListAsync(ct);
        return new FormSchema(forms.Select(ToUsync).ToList(), dictionary.Select(ToUsync).ToList());
    }

    /// <summary>The JSON a form is stored as.</summary>
    public static string Serialize(UsyncForm form) => JsonSerializer.Serialize(form, Json);

    public static UsyncForm ToUsync(StoredForm form) =>
        JsonSerializer.Deserialize<UsyncForm>(form.Definition, Json)
        ?? throw new InvalidDataException($"Form {form.Key} ('{form.Alias}') has no definition.");

    public static UsyncDictionaryItem ToUsync(StoredDictionaryItem item) => new(
        item.Key,
        item.ItemKey,
        item.ParentItemKey,
        item.Level,
        JsonSerializer.Deserialize<Dictionary<string, string>>(item.Translations, Json) is { } translations
            ? new Dictionary<string, string>(translations, StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase),
        Store);
}
