using IcssiCms.Search;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.DeliveryApi;

namespace IcssiCms.UnitTests.Search;

/// <summary>The fields the hub's handlers declare, in small, and shorthands for documents and queries over them.</summary>
internal static class SearchSamples
{
    public const string Campaign = "campaign";
    public const string ContentType = "contentType";
    public const string SearchText = "searchText";
    public const string Name = "name";
    public const string EventDate = "eventDate";
    public const string Capacity = "capacity";

    public const string English = "en-US";
    public const string Arabic = "ar";
    public const string Kurdish = "ckb";

    public static IReadOnlyList<IndexField> Fields { get; } =
    [
        new IndexField { FieldName = Campaign, FieldType = FieldType.StringRaw, VariesByCulture = false },
        new IndexField { FieldName = ContentType, FieldType = FieldType.StringRaw, VariesByCulture = false },
        new IndexField { FieldName = SearchText, FieldType = FieldType.StringAnalyzed, VariesByCulture = true },
        new IndexField { FieldName = Name, FieldType = FieldType.StringSortable, VariesByCulture = true },
        new IndexField { FieldName = EventDate, FieldType = FieldType.Date, VariesByCulture = false },
        new IndexField { FieldName = Capacity, FieldType = FieldType.Number, VariesByCulture = false },
    ];

    public static IndexDocument Doc(Guid key, string? culture, params (string Field, object Value)[] values) =>
        new(key, culture, values
            .GroupBy(value => value.Field)
            .ToDictionary(group => group.Key, group => (IReadOnlyList<object>)group.Select(value => value.Value).ToList()));

    public static ContentIndexQuery Query(
        string? culture = null,
        SelectorOption? selector = null,
        IEnumerable<FilterOption>? filters = null,
        IEnumerable<SortOption>? sorts = null,
        int skip = 0,
        int take = 100) =>
        new(selector, filters?.ToList() ?? [], sorts?.ToList() ?? [], culture, skip, take);

    public static ContentIndexQuery Filtered(string? culture, params FilterOption[] filters) => Query(culture, filters: filters);

    public static FilterOption Filter(string field, FilterOperation operation, params string[] values) =>
        new() { FieldName = field, Operator = operation, Values = values };

    public static SortOption Sort(string field, Direction direction) => new() { FieldName = field, Direction = direction };

    /// <summary>The keys of a page, in no particular order, checked against its total.</summary>
    public static void AssertFound(ContentIndexPage page, params Guid[] expected)
    {
        Assert.Equal(expected.Order(), page.Keys.Order());
        Assert.Equal(expected.Length, page.Total);
    }
}
