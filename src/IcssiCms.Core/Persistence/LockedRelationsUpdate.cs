using Microsoft.Extensions.DependencyInjection;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Cache;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Notifications;
using Umbraco.Cms.Infrastructure.Scoping;

namespace IcssiCms.Core.Persistence;

/// <summary>
/// Umbraco's relations update (<c>ContentRelationsUpdate</c>, run after every save and publish, in a transaction of its
/// own) reads the item's relations, then deletes and adds some, without taking a write lock first. Umbraco opens SQLite
/// transactions deferred, so when another writer commits between that read and that write (a sign-up stored, another
/// editor's save), SQLite refuses the write for good (the transaction's snapshot is stale), and Umbraco's retry policy
/// retries it in the same transaction for minutes, while the editor's save waits. Seen in this repository's tests: a
/// publish stuck in <c>RelationRepository.DeleteByParent</c>. On SQLite this decorator takes the item tree's write lock
/// first, in a scope the update's own scope joins, so the update's transaction is a writer from its first statement and
/// waits its turn instead. Other databases lock rows as they go, and the update runs as Umbraco wrote it.
/// </summary>
public sealed class LockedRelationsUpdate<TNotification>(
    IDistributedCacheNotificationHandler<TNotification> update,
    IScopeProvider scopes,
    int writeLock) : IDistributedCacheNotificationHandler<TNotification>
    where TNotification : INotification
{
    public void Handle(TNotification notification) => Locked(() => update.Handle(notification));

    public void Handle(IEnumerable<TNotification> notifications) => Locked(() => update.Handle(notifications));

    private void Locked(Action run)
    {
        using var scope = scopes.CreateScope();
        if (scope.SqlContext.IsSqlite())
        {
            scope.WriteLock(writeLock);
        }

        run();
        scope.Complete();
    }
}

/// <summary>Puts <see cref="LockedRelationsUpdate{TNotification}"/> around each registration of Umbraco's relations update.</summary>
public static class LockedRelationsUpdate
{
    private const string UmbracoHandler = "Umbraco.Cms.Infrastructure.Persistence.Relations.ContentRelationsUpdate";

    /// <summary>Decorates Umbraco's registrations in place (the handlers' order stays).</summary>
    public static void Decorate(IServiceCollection services)
    {
        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor.ImplementationType?.FullName != UmbracoHandler
                || descriptor.ServiceType is not { IsGenericType: true } serviceType
                || serviceType.GetGenericTypeDefinition() != typeof(INotificationHandler<>))
            {
                continue;
            }

            var notification = serviceType.GetGenericArguments()[0];
            var handler = descriptor.ImplementationType;
            var decorator = typeof(LockedRelationsUpdate<>).MakeGenericType(notification);
            var writeLock = WriteLockFor(notification);
            services[i] = ServiceDescriptor.Describe(
                serviceType,
                provider => Activator.CreateInstance(decorator, ActivatorUtilities.CreateInstance(provider, handler), provider.GetRequiredService<IScopeProvider>(), writeLock)!,
                descriptor.Lifetime);
        }
    }

    /// <summary>The tree lock of the notification's items (on SQLite any write lock takes the database's one writer's place).</summary>
    private static int WriteLockFor(Type notification) => notification.Name switch
    {
        var name when name.StartsWith("Media", StringComparison.Ordinal) => Constants.Locks.MediaTree,
        var name when name.StartsWith("Member", StringComparison.Ordinal) => Constants.Locks.MemberTree,
        var name when name.StartsWith("Element", StringComparison.Ordinal) => Constants.Locks.ElementTree,
        _ => Constants.Locks.ContentTree,
    };
}
