using IcssiCms.Core.Delivery.Indexing;

namespace IcssiCms.Core.Delivery.Querying.Sorts;

/// <summary><c>publishDate:desc</c> (newest news first) or <c>publishDate:asc</c>; news without a date comes last.</summary>
public sealed class PublishDateSort() : FieldSortBase("publishDate:", PublishDateSortIndexer.FieldName, UndatedLastSortField.Ascending(PublishDateSortIndexer.FieldName));
