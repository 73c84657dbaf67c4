using IcssiCms.Core.Schema;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Cache;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Models.Entities;
using Umbraco.Cms.Core.Notifications;
using Umbraco.Cms.Core.Services;
using Umbraco.Cms.Core.Services.Changes;
using Examine;
using Umbraco.Cms.Infrastructure;
using Umbraco.Cms.Infrastructure.Examine;

namespace IcssiCms.Core.Delivery.Indexing;

/// <summary>
/// News are indexed with the URL segments of the campaigns they pick (<see cref="CampaignFilterIndexer"/>): when a
/// campaign changes (renamed, its segment may have), the news that pick it are indexed again, so that the
/// <c>campaign:</c> filter finds them by the segment the campaign has now. Umbraco indexes only the item that changed.
/// It listens to the cache refresher, as Umbraco's own Delivery API indexing does, on every server.
/// </summary>
public sealed class NewsFollowTheirCampaigns(
    IRelationService relations,
    IEntityService entities,
    IContentService contentService,
    IExamineManager examine,
    IDeliveryApiContentIndexValueSetBuilder valueSets)
    : INotificationHandler<ContentCacheRefresherNotification>
{
    public void Handle(ContentCacheRefresherNotification notification)
    {
        // While indexing is suspended (a folder's import), the index is rebuilt afterwards: what this would index too.
        if (!Suspendable.ExamineEvents.CanIndex
            || notification.MessageObject is not ContentCacheRefresher.JsonPayload[] payloads
            || !examine.TryGetIndex(Constants.UmbracoIndexes.DeliveryApiContentIndexName, out var index))
        {
            return;
        }

        // The items that pick a changed item: Umbraco records a picker's choices as document relations.
        var pickers = payloads
            .Where(p => !p.ChangeTypes.HasFlag(TreeChangeTypes.RefreshAll))
            .SelectMany(p => relations.GetByChildId(p.Id, Constants.Conventions.RelationTypes.RelatedDocumentAlias))
            .Select(r => r.ParentId)
            .Distinct()
            .ToArray();
        if (pickers.Length == 0)
        {
            return;
        }

        var news = entities.GetAll(UmbracoObjectTypes.Document, pickers)
            .OfType<IContentEntitySlim>()
            .Where(e => e.ContentTypeAlias == HubContentTypes.CampaignNews.Alias)
            .Select(e => e.Id)
            .ToArray();
        var published = contentService.GetByIds(news).Where(c => c.Published && !c.Trashed).ToArray();
        if (published.Length > 0)
        {
            index.IndexItems(valueSets.GetValueSets(published));
        }
    }
}
