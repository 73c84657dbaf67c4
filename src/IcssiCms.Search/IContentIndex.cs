using Umbraco.Cms.Core.DeliveryApi;

namespace IcssiCms.Search;

/// <summary>
/// One item of content in one culture, as the index handlers see it: the values of each field, keyed by field
/// name. <see cref="Culture"/> is null for an item that does not vary by culture (Umbraco writes "none").
/// </summary>
public sealed record IndexDocument(Guid Key, string? Culture, IReadOnlyDictionary<string, IReadOnlyList<object>> Values);

/// <summary>
/// A Delivery API query as Umbraco's query service hands it to its index: the selector (which items), the
/// filters (AND-ed; several values in one filter OR-ed), the sorts (in order), the culture and the page.
/// </summary>
public sealed record ContentIndexQuery(
    SelectorOption? Selector,
    IReadOnlyList<FilterOption> Filters,
    IReadOnlyList<SortOption> Sorts,
    string? Culture,
    int Skip,
    int Take);

/// <summary>The keys of one page of matches, in order, and how many matched in all.</summary>
public sealed record ContentIndexPage(IReadOnlyList<Guid> Keys, long Total);

/// <summary>
/// The Delivery API's content index, as Umbraco's <c>DeliveryApiContentIndex</c>: its fields come from the
/// <see cref="IContentIndexHandler"/>s (<see cref="IndexField"/>: name, <see cref="FieldType"/>, varies by
/// culture), each document is one item in one culture, and queries are answered from the index alone.
/// </summary>
public interface IContentIndex : IDisposable
{
    /// <summary>The fields the handlers declare; a document's values for other fields are refused.</summary>
    IReadOnlyList<IndexField> Fields { get; }

    /// <summary>Adds or replaces every document of the given items (all their cultures), in one commit.</summary>
    void Index(IEnumerable<IndexDocument> documents);

    /// <summary>Removes every document of the given items, in one commit.</summary>
    void Remove(IEnumerable<Guid> keys);

    /// <summary>Empties the index.</summary>
    void Clear();

    /// <summary>Answers a query; an unknown field name in a filter or sort is an <see cref="ArgumentException"/>.</summary>
    ContentIndexPage Search(ContentIndexQuery query);

    /// <summary>How many documents (item-culture pairs) the index holds.</summary>
    int DocumentCount { get; }
}
