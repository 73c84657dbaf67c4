using Umbraco.Cms.Core.Models;

namespace IcssiCms.Core.Publishing;

internal static class PublishingRuleNames
{
    /// <summary>
    /// The name a rule's message gives an item: its name in the default language. The back office saves a variant item's
    /// names per language, and its invariant name can be empty; an invariant item has only that.
    /// </summary>
    public static string NameIn(this IContent content, string defaultCulture) =>
        content.GetCultureName(defaultCulture) is { Length: > 0 } name ? name : content.Name ?? string.Empty;
}
