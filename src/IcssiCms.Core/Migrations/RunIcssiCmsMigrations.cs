using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Migrations;
using Umbraco.Cms.Core.Notifications;
using Umbraco.Cms.Core.Scoping;
using Umbraco.Cms.Core.Services;
using Umbraco.Cms.Infrastructure.Migrations.Upgrade;

namespace IcssiCms.Core.Migrations;

/// <summary>
/// Runs <see cref="IcssiCmsMigrationPlan"/> when Umbraco starts, before the startup import needs the tables: as Umbraco's
/// documentation does for a site's own tables. (A package migration would run later, in the background, on a new
/// site, and so would the import, alongside the site's background jobs.) Each step is idempotent, so servers starting
/// together are safe.
/// </summary>
public sealed class RunIcssiCmsMigrations(IMigrationPlanExecutor executor, ICoreScopeProvider scopes, IKeyValueService keyValues)
    : INotificationAsyncHandler<UmbracoApplicationStartingNotification>
{
    public async Task HandleAsync(UmbracoApplicationStartingNotification notification, CancellationToken cancellationToken)
    {
        if (notification.RuntimeLevel == RuntimeLevel.Run)
        {
            await new Upgrader(new IcssiCmsMigrationPlan()).ExecuteAsync(executor, scopes, keyValues);
        }
    }
}
