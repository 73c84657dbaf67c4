using Examine;
using Umbraco.Cms.Core;
using Umbraco.Cms.Infrastructure.Examine;
using Umbraco.Cms.Infrastructure.Models;

namespace IcssiCms.Core.Usync.Importing;

/// <summary>
/// The rebuild Umbraco asks for when an import resumes its indexers: every index in the background, except the Delivery
/// API's, which the import rebuilds itself and waits for (rebuilding it twice would empty it, and evict the output cache,
/// a moment after the import said it was done).
/// </summary>
internal sealed class RebuildBesideDeliveryIndex(IIndexRebuilder rebuilder, IExamineManager examine) : IIndexRebuilder
{
    public bool CanRebuild(string indexName) => rebuilder.CanRebuild(indexName);

    public void RebuildIndex(string indexName, TimeSpan? delay = null, bool useBackgroundThread = true) =>
        rebuilder.RebuildIndexAsync(indexName, delay, useBackgroundThread).GetAwaiter().GetResult();

    public Task<Attempt<IndexRebuildResult>> RebuildIndexAsync(string indexName, TimeSpan? delay = null, bool useBackgroundThread = true) =>
        rebuilder.RebuildIndexAsync(indexName, delay, useBackgroundThread);

    public void RebuildIndexes(bool onlyEmptyIndexes, TimeSpan? delay = null, bool useBackgroundThread = true) =>
        RebuildIndexesAsync(onlyEmptyIndexes, delay, useBackgroundThread).GetAwaiter().GetResult();

    public async Task<Attempt<IndexRebuildResult>> RebuildIndexesAsync(bool onlyEmptyIndexes, TimeSpan? delay = null, bool useBackgroundThread = true)
    {
        var result = Attempt.Succeed(IndexRebuildResult.Success);
        foreach (var index in examine.Indexes.Where(i => i.Name != Constants.UmbracoIndexes.DeliveryApiContentIndexName && rebuilder.CanRebuild(i.Name)))
        {
            var isEmpty = !index.IndexExists() || index is IIndexStats stats && stats.GetDocumentCount() == 0;
            if (onlyEmptyIndexes && !isEmpty)
            {
                continue;
            }

            var rebuilt = await rebuilder.RebuildIndexAsync(index.Name, delay ?? TimeSpan.Zero, useBackgroundThread);
            if (!rebuilt.Success)
            {
                result = rebuilt;
            }
        }

        return result;
    }

    public Task<bool> IsRebuildingAsync(string indexName) => rebuilder.IsRebuildingAsync(indexName);
}
