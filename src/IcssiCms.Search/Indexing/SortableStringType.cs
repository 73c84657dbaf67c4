using UmbracoFieldType = Umbraco.Cms.Core.DeliveryApi.FieldType;

namespace IcssiCms.Search.Indexing;

/// <summary>
/// <c>StringSortable</c>: case-insensitive, and kept whole, so that "Save the Tigris" matches and sorts as one
/// value. Umbraco's index tokenizes these values, so a multi-word value cannot be matched exactly there
/// (Umbraco-CMS #15920).
/// </summary>
internal sealed class SortableStringType : KeywordStringType
{
    public override UmbracoFieldType Kind => UmbracoFieldType.StringSortable;

    protected override string Normalise(string value) => value.ToLowerInvariant();
}
