namespace IcssiCms.Core.Forms.Delivery;

/// <summary>
/// Umbraco Forms' translation of form texts: a text starting with <c>#</c> is a dictionary key, shown in the
/// requested culture, else in the default culture; anything else is shown as written.
/// </summary>
/// <param name="translations">A dictionary item's translations by culture, by the item's key; null when there is no such item.</param>
public sealed class FormTranslator(Func<string, IReadOnlyDictionary<string, string>?> translations, string culture, string defaultCulture)
{
    public string Culture => culture;

    public string this[string? text] => Translate(text);

    public string Translate(string? text)
    {
        if (string.IsNullOrEmpty(text) || text[0] != '#')
        {
            return text ?? string.Empty;
        }

        var key = text[1..];
        if (translations(key) is not { } item)
        {
            return key;
        }

        return Find(item, culture) ?? Find(item, defaultCulture) ?? key;
    }

    private static string? Find(IReadOnlyDictionary<string, string> translations, string culture) =>
        translations.FirstOrDefault(t => string.Equals(t.Key, culture, StringComparison.OrdinalIgnoreCase) && t.Value.Length > 0).Value;
}
