using IcssiCms.Core.Delivery.Indexing;

namespace IcssiCms.Core.Delivery.Querying.Sorts;

/// <summary><c>eventDate:asc</c> or <c>eventDate:desc</c>: conferences and sessions by when they start; undated items come last.</summary>
public sealed class EventDateSort() : FieldSortBase("eventDate:", EventDateIndexer.StartFieldName, UndatedLastSortField.Ascending(EventDateIndexer.StartFieldName));
