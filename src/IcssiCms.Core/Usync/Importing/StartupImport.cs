using System.Globalization;
using IcssiCms.Core.Schema;
using IcssiCms.Usync;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Notifications;
using Umbraco.Cms.Core.Services;

namespace IcssiCms.Core.Usync.Importing;

/// <summary>
/// Imports the uSync folder when Umbraco starts, as uSync's settings say: <c>ImportOnFirstBoot</c> imports
/// <c>FirstBootGroup</c> whole, once, on a site that never imported; <c>ImportAtStartup</c> imports the files changed
/// since. It runs before the site answers; a refused folder or a failure never stops the site, which serves what it had.
/// </summary>
public sealed class StartupImport(
    UsyncImporter importer,
    UsyncImportStatus status,
    IKeyValueService keyValues,
    IOptions<UsyncSettings> settings,
    IHostEnvironment environment,
    ILogger<StartupImport> logger) : INotificationAsyncHandler<UmbracoApplicationStartingNotification>
{
    internal const string FirstBootKey = "IcssiCms.Usync.FirstBootImported";

    public async Task HandleAsync(UmbracoApplicationStartingNotification notification, CancellationToken cancellationToken)
    {
        if (notification.RuntimeLevel != RuntimeLevel.Run)
        {
            return;
        }

        var options = settings.Value;
        var firstBoot = options.ImportOnFirstBoot && keyValues.GetValue(FirstBootKey) is null;
        var groups = firstBoot ? options.FirstBootGroup : options.ImportAtStartup;
        if (!firstBoot && UsyncHandlers.IsOff(groups))
        {
            logger.LogInformation("uSync startup import is off (ImportAtStartup: {Groups})", groups);
            status.Complete(null);
            return;
        }

        status.Start();

        // Umbraco localizes its messages while it saves; at startup the thread has no culture to look them up in.
        if (CultureInfo.CurrentUICulture.Equals(CultureInfo.InvariantCulture))
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(HubCultures.English);
        }

        try
        {
            var folder = Path.GetFullPath(options.RootFolder, environment.ContentRootPath);
            var result = await importer.ImportAsync(folder, groups, force: firstBoot, cancellationToken);
            if (firstBoot && result.Succeeded)
            {
                keyValues.SetValue(FirstBootKey, groups);
            }

            status.Complete(result);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogCritical(ex, "uSync startup import failed; the site serves what it had");
            status.Fail(ex);
        }
    }
}
