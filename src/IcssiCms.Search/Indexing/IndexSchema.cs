using Lucene.Net.Documents;
using Lucene.Net.Util;
using Umbraco.Cms.Core.DeliveryApi;
using UmbracoFieldType = Umbraco.Cms.Core.DeliveryApi.FieldType;

namespace IcssiCms.Search.Indexing;

/// <summary>
/// The fields the content index handlers declare, each with its <see cref="IIndexFieldType"/>, and how an
/// <see cref="IndexDocument"/> becomes a Lucene document. Several handlers may declare the same field, if they agree
/// on its type.
/// </summary>
internal sealed class IndexSchema
{
    private static readonly IReadOnlyDictionary<UmbracoFieldType, IIndexFieldType> Types =
        new IIndexFieldType[] { new RawStringType(), new AnalyzedStringType(), new SortableStringType(), new NumberType(), new DateType() }
            .ToDictionary(type => type.Kind);

    private readonly Dictionary<string, IIndexFieldType> _typeByName = new(StringComparer.Ordinal);

    public IndexSchema(IEnumerable<IndexField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var declared = new List<IndexField>();
        foreach (var field in fields)
        {
            if (string.IsNullOrWhiteSpace(field.FieldName) || field.FieldName.StartsWith(SystemFields.Prefix, StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{field.FieldName}' cannot name an index field: names starting with '{SystemFields.Prefix}' are the index's own.", nameof(fields));
            }

            if (!Types.TryGetValue(field.FieldType, out var type))
            {
                throw new ArgumentException($"The field '{field.FieldName}' has the type {field.FieldType}, which this index does not know.", nameof(fields));
            }

            if (_typeByName.TryGetValue(field.FieldName, out var earlier))
            {
                if (earlier.Kind != field.FieldType)
                {
                    throw new ArgumentException($"The field '{field.FieldName}' is declared both as {earlier.Kind} and as {field.FieldType}.", nameof(fields));
                }

                continue;
            }

            _typeByName.Add(field.FieldName, type);
            declared.Add(field);
        }

        Fields = declared;
    }

    public IReadOnlyList<IndexField> Fields { get; }

    /// <summary>The type of a declared field; any other name is an <see cref="ArgumentException"/> that names it.</summary>
    public IIndexFieldType TypeOf(string fieldName) =>
        _typeByName.TryGetValue(fieldName, out var type)
            ? type
            : throw new ArgumentException($"The index has no field '{fieldName}'.", nameof(fieldName));

    public Document ToDocument(IndexDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var key = SystemFields.KeyOf(document.Key);
        var lucene = new Document
        {
            new StringField(SystemFields.Id, SystemFields.IdOf(document.Key, document.Culture), Field.Store.NO),
            new StringField(SystemFields.Key, key, Field.Store.YES),
            new SortedDocValuesField(SystemFields.Key, new BytesRef(key)),
            new StringField(SystemFields.Culture, SystemFields.CultureOf(document.Culture), Field.Store.NO),
        };

        foreach (var (fieldName, values) in document.Values)
        {
            TypeOf(fieldName).AddTo(lucene, fieldName, values.Where(value => value is not null).ToList());
        }

        return lucene;
    }
}
