using IcssiCms.Usync;
using IcssiCms.Usync.Writing;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Notifications;

namespace IcssiCms.Core.Usync.Exporting;

/// <summary>
/// What Umbraco says it saved, moved, sorted, published or deleted, turned into <see cref="UsyncExportOnSave"/> writes.
/// These notifications come once, on the server where the change was made, after it is committed.
/// </summary>
public sealed class ExportOnSaveNotifications(UsyncExportOnSave export) :
    INotificationAsyncHandler<ContentSavedNotification>,
    INotificationAsyncHandler<ContentPublishedNotification>,
    INotificationAsyncHandler<ContentUnpublishedNotification>,
    INotificationAsyncHandler<ContentMovedNotification>,
    INotificationAsyncHandler<ContentMovedToRecycleBinNotification>,
    INotificationAsyncHandler<ContentSortedNotification>,
    INotificationAsyncHandler<ContentDeletedNotification>,
    INotificationAsyncHandler<ContentTypeSavedNotification>,
    INotificationAsyncHandler<ContentTypeMovedNotification>,
    INotificationAsyncHandler<ContentTypeDeletedNotification>,
    INotificationAsyncHandler<DataTypeSavedNotification>,
    INotificationAsyncHandler<DataTypeMovedNotification>,
    INotificationAsyncHandler<DataTypeDeletedNotification>,
    INotificationAsyncHandler<LanguageSavedNotification>,
    INotificationAsyncHandler<LanguageDeletedNotification>,
    INotificationAsyncHandler<DictionaryItemSavedNotification>,
    INotificationAsyncHandler<DictionaryItemDeletedNotification>
{
    public Task HandleAsync(ContentSavedNotification notification, CancellationToken cancellationToken) =>
        Write(UsyncHandlers.Content, notification.SavedEntities, cancellationToken);

    public Task HandleAsync(ContentPublishedNotification notification, CancellationToken cancellationToken) =>
        Write(UsyncHandlers.Content, notification.PublishedEntities, cancellationToken);

    public Task HandleAsync(ContentUnpublishedNotification notification, CancellationToken cancellationToken) =>
        Write(UsyncHandlers.Content, notification.UnpublishedEntities, cancellationToken);

    public Task HandleAsync(ContentMovedNotification notification, CancellationToken cancellationToken) =>
        Write(UsyncHandlers.Content, notification.MoveInfoCollection.Select(m => m.Entity), cancellationToken);

    public Task HandleAsync(ContentMovedToRecycleBinNotification notification, CancellationToken cancellationToken) =>
        Write(UsyncHandlers.Content, notification.MoveInfoCollection.Select(m => m.Entity), cancellationToken);

    public Task HandleAsync(ContentSortedNotification notification, CancellationToken cancellationToken) =>
        Write(UsyncHandlers.Content, notification.SortedEntities, cancellationToken);

    public Task HandleAsync(ContentDeletedNotification notification, CancellationToken cancellationToken) =>
        Deleted(UsyncHandlers.Content, notification.DeletedEntities, cancellationToken);

    public Task HandleAsync(ContentTypeSavedNotification notification, CancellationToken cancellationToken) =>
        Write(UsyncHandlers.ContentTypes, notification.SavedEntities, cancellationToken);

    public Task HandleAsync(ContentTypeMovedNotification notification, CancellationToken cancellationToken) =>
        Write(UsyncHandlers.ContentTypes, notification.MoveInfoCollection.Select(m => m.Entity), cancellationToken);

    public Task HandleAsync(ContentTypeDeletedNotification notification, CancellationToken cancellationToken) =>
        Deleted(UsyncHandlers.ContentTypes, notification.DeletedEntities, cancellationToken);

    public Task HandleAsync(DataTypeSavedNotification notification, CancellationToken cancellationToken) =>
        Write(UsyncHandlers.DataTypes, notification.SavedEntities, cancellationToken);

    public Task HandleAsync(DataTypeMovedNotification notification, CancellationToken cancellationToken) =>
        Write(UsyncHandlers.DataTypes, notification.MoveInfoCollection.Select(m => m.Entity), cancellationToken);

    public Task HandleAsync(DataTypeDeletedNotification notification, CancellationToken cancellationToken) =>
        Deleted(UsyncHandlers.DataTypes, notification.DeletedEntities, cancellationToken);

    public Task HandleAsync(LanguageSavedNotification notification, CancellationToken cancellationToken) =>
        export.WriteAsync(UsyncHandlers.Languages, notification.SavedEntities.Select(KeyOf).ToList(), cancellationToken);

    public Task HandleAsync(LanguageDeletedNotification notification, CancellationToken cancellationToken) =>
        export.DeletedAsync(UsyncHandlers.Languages, notification.DeletedEntities.Select(KeyOf).ToList(), cancellationToken);

    public Task HandleAsync(DictionaryItemSavedNotification notification, CancellationToken cancellationToken) =>
        Write(UsyncHandlers.Dictionary, notification.SavedEntities, cancellationToken);

    public Task HandleAsync(DictionaryItemDeletedNotification notification, CancellationToken cancellationToken) =>
        Deleted(UsyncHandlers.Dictionary, notification.DeletedEntities, cancellationToken);

    /// <summary>A language's key in uSync's files: made from its ISO code, as uSync makes it.</summary>
    private static Guid KeyOf(ILanguage language) => LanguageWriter.KeyOf(language.IsoCode);

    private Task Write<T>(UsyncHandler handler, IEnumerable<T> items, CancellationToken cancellationToken)
        where T : Umbraco.Cms.Core.Models.Entities.IEntity =>
        export.WriteAsync(handler, items.Select(i => i.Key).ToList(), cancellationToken);

    private Task Deleted<T>(UsyncHandler handler, IEnumerable<T> items, CancellationToken cancellationToken)
        where T : Umbraco.Cms.Core.Models.Entities.IEntity =>
        export.DeletedAsync(handler, items.Select(i => i.Key).ToList(), cancellationToken);
}
