using IcssiCms.Core.Persistence;
using IcssiCms.Web.IntegrationTests.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Cache;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Notifications;
using Umbraco.Cms.Infrastructure.Scoping;

namespace IcssiCms.Web.IntegrationTests.Persistence;

/// <summary>
/// Umbraco's relations update after every save and publish reads, then writes, in a SQLite transaction opened deferred:
/// a commit by another connection in between (a sign-up stored, another editor) made SQLite refuse the write, and
/// Umbraco retried it for minutes while the editor's save waited (seen in these tests, stuck in
/// <c>RelationRepository.DeleteByParent</c>). Run by <see cref="LockedRelationsUpdate{TNotification}"/>, the update holds
/// the database's write lock from its first statement.
/// </summary>
[Collection(ChangingSiteCollection.Name)]
public sealed class WriterBesideAPublishTests(ChangingSite site)
{
    [Fact]
    public void Umbracos_Relations_Update_Runs_Under_The_Lock_After_Every_Save_And_Publish()
    {
        Assert.Contains(site.Services.GetServices<INotificationHandler<ContentSavedNotification>>(), h => h is LockedRelationsUpdate<ContentSavedNotification>);
        Assert.Contains(site.Services.GetServices<INotificationHandler<ContentPublishedNotification>>(), h => h is LockedRelationsUpdate<ContentPublishedNotification>);
        Assert.DoesNotContain(site.Services.GetServices<INotificationHandler<ContentPublishedNotification>>(), h => h.GetType().Name == "ContentRelationsUpdate");
    }

    [Fact]
    public void An_Update_That_Reads_Then_Writes_Keeps_Another_Connection_From_Committing_In_Between()
    {
        var scopes = site.Services.GetRequiredService<IScopeProvider>();
        Execute("CREATE TABLE IF NOT EXISTS testBesideAnUpdate (n INTEGER)");
        var update = new ReadThenWrite(scopes, () => Execute("INSERT INTO testBesideAnUpdate VALUES (1)"));

        new LockedRelationsUpdate<ContentSavedNotification>(update, scopes, Constants.Locks.ContentTree)
            .Handle(new ContentSavedNotification([], new EventMessages()));

        var refused = Assert.IsType<SqliteException>(update.OtherWriter);
        Assert.Equal(5, refused.SqliteErrorCode); // SQLITE_BUSY: the update held the lock before it read
        Assert.Equal(1L, update.Written);
    }

    /// <summary>Another connection, which gives up after a second when the database is locked.</summary>
    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={site.DatabaseFile};Pooling=False;Default Timeout=1");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>What Umbraco's relations update does: a read, then a write, in a scope of its own; here another connection commits between them.</summary>
    private sealed class ReadThenWrite(IScopeProvider scopes, Action otherWriter) : IDistributedCacheNotificationHandler<ContentSavedNotification>
    {
        public Exception? OtherWriter { get; private set; }

        public long Written { get; private set; }

        public void Handle(ContentSavedNotification notification) => Handle([notification]);

        public void Handle(IEnumerable<ContentSavedNotification> notifications)
        {
            using var scope = scopes.CreateScope();
            scope.Database.ExecuteScalar<long>("SELECT COUNT(*) FROM testBesideAnUpdate");
            try
            {
                otherWriter();
            }
            catch (SqliteException ex)
            {
                OtherWriter = ex;
            }

            Written = scope.Database.Execute("INSERT INTO testBesideAnUpdate VALUES (2)");
            scope.Complete();
        }
    }
}
