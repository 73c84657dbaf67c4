using IcssiCms.Search.Indexing;
using IcssiCms.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Umbraco.Cms.Core.DeliveryApi;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace IcssiCms.Search;

/// <summary>
/// The Delivery API content index on Lucene.Net 4.8: one document per item and culture, typed by the handlers'
/// <see cref="IndexField"/>s. Writes are serialized through one index writer and committed before they return, so
/// the next search sees them; searches run concurrently, each on the latest committed state.
/// </summary>
public sealed class LuceneContentIndex : IContentIndex
{
    private static readonly ISet<string> KeyOnly = new HashSet<string> { SystemFields.Key };

    private readonly object _writing = new();
    private readonly IndexSchema _schema;
    private readonly CultureAnalyzers _analyzers = new();
    private readonly QueryTranslator _translator;
    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private volatile bool _disposed;

    /// <summary>An index in <paramref name="directory"/>, which it owns from now on: it is disposed with the index.</summary>
    internal LuceneContentIndex(LuceneDirectory directory, IEnumerable<IndexField> fields)
        : this(directory, new IndexSchema(fields))
    {
    }

    private LuceneContentIndex(LuceneDirectory directory, IndexSchema schema)
    {
        _schema = schema;
        _translator = new QueryTranslator(schema, _analyzers);
        _directory = directory;
        try
        {
            var config = new IndexWriterConfig(CultureAnalyzers.Version, _analyzers.Standard) { OpenMode = OpenMode.CREATE_OR_APPEND };
            _writer = new IndexWriter(directory, config);
            _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: null);
        }
        catch
        {
            _writer?.Dispose();
            _analyzers.Dispose();
            directory.Dispose();
            throw;
        }
    }

    public IReadOnlyList<IndexField> Fields => _schema.Fields;

    public int DocumentCount => WithSearcher(searcher => searcher.IndexReader.NumDocs);

    /// <summary>Opens the index kept in a folder, creating the folder and an empty index if there is none.</summary>
    public static LuceneContentIndex OpenFolder(string path, IEnumerable<IndexField> fields)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var schema = new IndexSchema(fields);
        return new LuceneContentIndex(FSDirectory.Open(System.IO.Directory.CreateDirectory(path)), schema);
    }

    /// <summary>An index held in memory only, for tests and short-lived hosts.</summary>
    public static LuceneContentIndex InMemory(IEnumerable<IndexField> fields) => new(new RAMDirectory(), new IndexSchema(fields));

    public void Index(IEnumerable<IndexDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);

        // Every document is built, and so checked, before anything is written: a bad value leaves the index as it was.
        var prepared = documents
            .Select(document => (document.Key, Id: SystemFields.IdOf(document.Key, document.Culture), Document: _schema.ToDocument(document), Analyzer: _analyzers.For(document.Culture)))
            .ToList();
        if (prepared.Count == 0)
        {
            return;
        }

        Write(writer =>
        {
            // An item's cultures that are not indexed again go too.
            writer.DeleteDocuments(prepared.Select(p => p.Key).Distinct().Select(KeyTerm).ToArray());
            foreach (var (_, id, document, analyzer) in prepared)
            {
                writer.UpdateDocument(new Term(SystemFields.Id, id), document, analyzer);
            }
        });
    }

    public void Remove(IEnumerable<Guid> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var terms = keys.Distinct().Select(KeyTerm).ToArray();
        if (terms.Length > 0)
        {
            Write(writer => writer.DeleteDocuments(terms));
        }
    }

    public void Clear() => Write(writer => writer.DeleteAll());

    public ContentIndexPage Search(ContentIndexQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Skip);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Take);
        var lucene = _translator.QueryOf(query);
        var culture = _translator.CultureOf(query);
        var sort = _translator.SortOf(query.Sorts);

        return WithSearcher(searcher =>
        {
            // Lucene sizes its hit queue by the number asked for, so never ask for more than there are documents.
            var wanted = (int)Math.Min((long)query.Skip + query.Take, searcher.IndexReader.MaxDoc);
            if (wanted == 0)
            {
                var counter = new TotalHitCountCollector();
                searcher.Search(lucene, culture, counter);
                return new ContentIndexPage([], counter.TotalHits);
            }

            var hits = searcher.Search(lucene, culture, wanted, sort);
            var keys = hits.ScoreDocs
                .Skip(query.Skip)
                .Select(hit => Guid.Parse(searcher.Doc(hit.Doc, KeyOnly).Get(SystemFields.Key)))
                .ToList();
            return new ContentIndexPage(keys, hits.TotalHits);
        });
    }

    public void Dispose()
    {
        lock (_writing)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _searchers.Dispose();
            _writer.Dispose();
            _directory.Dispose();
            _analyzers.Dispose();
        }
    }

    private static Term KeyTerm(Guid key) => new(SystemFields.Key, SystemFields.KeyOf(key));

    private void Write(Action<IndexWriter> change)
    {
        lock (_writing)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            change(_writer);
            _writer.Commit();
            _searchers.MaybeRefreshBlocking();
        }
    }

    private T WithSearcher<T>(Func<IndexSearcher, T> read)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var searcher = _searchers.Acquire();
        try
        {
            return read(searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }
}
