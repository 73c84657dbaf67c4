using UmbracoFieldType = Umbraco.Cms.Core.DeliveryApi.FieldType;

namespace IcssiCms.Search.Indexing;

/// <summary><c>StringRaw</c>: exact and case-sensitive, for ids, keys and slugs.</summary>
internal sealed class RawStringType : KeywordStringType
{
    public override UmbracoFieldType Kind => UmbracoFieldType.StringRaw;

    protected override string Normalise(string value) => value;
}
