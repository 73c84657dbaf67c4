namespace IcssiCms.Search.Indexing;

/// <summary>
/// The fields every document has besides the handlers' ones. The "__" prefix keeps them apart from handler field
/// names, which <see cref="IndexSchema"/> therefore refuses.
/// </summary>
internal static class SystemFields
{
    public const string Prefix = "__";

    /// <summary>The item key ("D" format), stored so that a search can return it, and sortable as a tie-breaker.</summary>
    public const string Key = "__key";

    /// <summary>The document's culture, lower-cased, or <see cref="Invariant"/>.</summary>
    public const string Culture = "__culture";

    /// <summary>"key|culture": one document per item and culture, as Umbraco's composite id.</summary>
    public const string Id = "__id";

    /// <summary>What Umbraco writes for the culture of an invariant document.</summary>
    public const string Invariant = "none";

    private const string SortPrefix = "__sort_";

    public static string CultureOf(string? culture) =>
        string.IsNullOrWhiteSpace(culture) ? Invariant : culture.Trim().ToLowerInvariant();

    public static string KeyOf(Guid key) => key.ToString("D");

    public static string IdOf(Guid key, string? culture) => $"{KeyOf(key)}|{CultureOf(culture)}";

    /// <summary>The doc-values copy a field is sorted by.</summary>
    public static string SortFieldOf(string fieldName) => SortPrefix + fieldName;
}
