using Examine;
using Examine.Lucene;
using Examine.Lucene.Indexing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core;

namespace IcssiCms.Core.Delivery.Indexing;

/// <summary>
/// The plugin's settings of Umbraco's Delivery API index. Each <see cref="SearchLanguages"/> field gets its language's
/// analyzer, for indexing and for parsing queries alike. And a change is searchable within
/// <see cref="SearchableWithinSeconds"/> of being written, where Examine's default lets the index's reader lag up to a
/// second behind a write someone waits for (the plugin's cache eviction waits for each). It runs after Umbraco configures
/// the index, which replaces the field definitions.
/// </summary>
public sealed class DeliveryIndexOptions(ILoggerFactory loggerFactory) : IPostConfigureOptions<LuceneDirectoryIndexOptions>
{
    public const double SearchableWithinSeconds = 0.05;

    public void PostConfigure(string? name, LuceneDirectoryIndexOptions options)
    {
        if (name != Constants.UmbracoIndexes.DeliveryApiContentIndexName)
        {
            return;
        }

        var types = new Dictionary<string, IFieldValueTypeFactory>(options.IndexValueTypesFactory ?? new Dictionary<string, IFieldValueTypeFactory>());
        foreach (var (language, fieldName, analyzer) in SearchLanguages.All)
        {
            var typeName = $"fulltext_{language}";
            types[typeName] = new DelegateFieldValueTypeFactory(field => new FullTextType(field, loggerFactory, analyzer, sortable: false));
            options.FieldDefinitions.AddOrUpdate(new FieldDefinition(fieldName, typeName));
        }

        options.IndexValueTypesFactory = types;
        options.NrtTargetMinStaleSec = SearchableWithinSeconds;
    }
}
