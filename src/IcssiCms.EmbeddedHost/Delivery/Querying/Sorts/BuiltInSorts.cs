using IcssiCms.Core.Delivery.Querying.Sorts;
using IcssiCms.EmbeddedHost.Delivery.Indexing;

namespace IcssiCms.EmbeddedHost.Delivery.Querying.Sorts;

// Umbraco's built-in sorts, each on its indexer's field.

public sealed class CreateDateSort() : FieldSortBase("createDate:", CreateDateSortIndexer.FieldName);

public sealed class UpdateDateSort() : FieldSortBase("updateDate:", UpdateDateSortIndexer.FieldName);

public sealed class LevelSort() : FieldSortBase("level:", LevelSortIndexer.FieldName);

public sealed class NameSort() : FieldSortBase("name:", NameSortIndexer.FieldName);

public sealed class SortOrderSort() : FieldSortBase("sortOrder:", SortOrderSortIndexer.FieldName);
