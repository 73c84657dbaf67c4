using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core.Configuration.Models;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Notifications;
using Umbraco.Cms.Infrastructure.BackgroundJobs;
using Umbraco.Cms.Infrastructure.BackgroundJobs.Jobs;
using Umbraco.Cms.Infrastructure.Persistence;

namespace IcssiCms.Web.Hosting;

/// <summary>
/// The site's own wiring, around Umbraco's and the plugin's: its SQLite start, its first administrator, the editors named
/// in configuration, and its telemetry.
/// </summary>
internal static class SiteBuilderExtensions
{
    private const string TelemetryLevelKey = "Umbraco:CMS:Unattended:UnattendedTelemetryLevel";

    public static IUmbracoBuilder AddIcssiSite(this IUmbracoBuilder builder)
    {
        builder.Services.AddUnique<IDatabaseAvailabilityCheck, SqliteFileAvailabilityCheck>();

        var administrator = new FirstAdministrator();
        builder.Services.AddSingleton(administrator);
        builder.Services.AddSingleton<IPostConfigureOptions<UnattendedSettings>>(administrator);
        builder.AddNotificationHandler<UnattendedInstallNotification, FirstAdministrator.PrintGeneratedPassword>();

        builder.Services.AddOptions<ConfiguredEditors.Settings>().BindConfiguration(ConfiguredEditors.SectionName);
        builder.Services.AddHostedService<ConfiguredEditors>();
        builder.Services.AddOptions<ConfiguredDeployUser.Settings>().BindConfiguration(ConfiguredDeployUser.SectionName);
        builder.Services.AddHostedService<ConfiguredDeployUser>();

        // Telemetry is off unless configured: Umbraco reports the site every day, whatever the consent level, so the
        // reporting job is only kept when a telemetry level is set; otherwise the consent Umbraco records is Minimal.
        if (string.IsNullOrWhiteSpace(builder.Config[TelemetryLevelKey]))
        {
            foreach (var job in builder.Services.Where(IsReportSiteJob).ToList())
            {
                builder.Services.Remove(job);
            }

            builder.Services.PostConfigure<UnattendedSettings>(settings => settings.UnattendedTelemetryLevel = TelemetryLevel.Minimal);
        }

        return builder;
    }

    private static bool IsReportSiteJob(ServiceDescriptor descriptor) =>
        descriptor.ServiceType == typeof(IRecurringBackgroundJob) && descriptor.ImplementationType == typeof(ReportSiteJob);
}
