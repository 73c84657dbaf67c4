using Examine.Lucene;
using IcssiCms.Core.Delivery;
using IcssiCms.Core.Delivery.Caching;
using IcssiCms.Core.Delivery.Indexing;
using IcssiCms.Core.Forms;
using IcssiCms.Core.Forms.Delivery;
using IcssiCms.Core.Health;
using IcssiCms.Core.Languages;
using IcssiCms.Core.Migrations;
using IcssiCms.Core.Persistence;
using IcssiCms.Core.Publishing;
using IcssiCms.Core.Registrations;
using IcssiCms.Core.Registrations.BackOffice;
using IcssiCms.Core.Registrations.Links;
using IcssiCms.Core.Registrations.Mail;
using IcssiCms.Core.RichText;
using IcssiCms.Core.Usync;
using IcssiCms.Core.Usync.Exporting;
using IcssiCms.Core.Usync.Handlers;
using IcssiCms.Core.Usync.Importing;
using IcssiCms.Core.Usync.Planning;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core.Cache;
using Umbraco.Cms.Core.Configuration.Models;
using Umbraco.Cms.Core.DependencyInjection;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Notifications;
using Umbraco.Cms.Core.Security;
using Umbraco.Cms.Core.Services;
using Umbraco.Cms.Infrastructure.BackgroundJobs;
using Umbraco.Cms.Infrastructure.Examine;
using Umbraco.Cms.Web.Common.ApplicationBuilder;
using Umbraco.Extensions;

namespace IcssiCms.Core;

public static class IcssiCmsBuilderExtensions
{
    /// <summary>
    /// The hub plugin's wiring into an Umbraco site: Sorani Kurdish as a language, the uSync import and export, the
    /// hub's forms and their picker, its publishing rules, its Delivery API extensions and its health endpoint.
    /// </summary>
    public static IUmbracoBuilder AddIcssiCms(this IUmbracoBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddUnique<IIsoCodeValidator, SoraniAwareIsoCodeValidator>();

        AddUsync(builder);
        AddForms(builder);
        AddRegistrations(builder);
        AddRegistrationsBackOffice(builder);
        AddPublishingRules(builder);
        AddRichTextSanitizer(builder);
        AddDeliveryApi(builder);
        AddHealth(builder);

        // Umbraco's relations update after every save and publish can stall for minutes on SQLite beside another writer.
        LockedRelationsUpdate.Decorate(builder.Services);
        return builder;
    }

    private static void AddUsync(IUmbracoBuilder builder)
    {
        builder.Services.AddOptions<UsyncSettings>().BindConfiguration(UsyncSettings.SectionName);
        builder.Services.AddSingleton<IUsyncItemHandler, LanguageHandler>();
        builder.Services.AddSingleton<IUsyncItemHandler, DictionaryHandler>();
        builder.Services.AddSingleton<IUsyncItemHandler, DataTypeHandler>();
        builder.Services.AddSingleton<IUsyncItemHandler, ContentTypeHandler>();
        builder.Services.AddSingleton<IUsyncItemHandler, ContentHandler>();
        builder.Services.AddSingleton<IUsyncItemHandler, FormHandler>();
        builder.Services.AddSingleton<UsyncImporter>();
        builder.Services.AddSingleton<UsyncExporter>();
        builder.Services.AddSingleton<SiteDataCosts>();
        builder.Services.AddSingleton<SiteFolderImage>();
        // The same instance that holds the site's files hears what changed (Umbraco's AddNotificationHandler makes a new one).
        builder.Services.AddSingleton<INotificationHandler<ContentCacheRefresherNotification>>(services => services.GetRequiredService<SiteFolderImage>());
        builder.Services.AddSingleton<INotificationHandler<ContentTypeCacheRefresherNotification>>(services => services.GetRequiredService<SiteFolderImage>());
        builder.Services.AddSingleton<INotificationHandler<DataTypeCacheRefresherNotification>>(services => services.GetRequiredService<SiteFolderImage>());
        builder.Services.AddSingleton<INotificationHandler<LanguageCacheRefresherNotification>>(services => services.GetRequiredService<SiteFolderImage>());
        builder.Services.AddSingleton<SiteFolderImageWarmUp>();
        builder.Services.AddSingleton<INotificationHandler<UmbracoApplicationStartedNotification>>(services => services.GetRequiredService<SiteFolderImageWarmUp>());
        builder.Services.AddSingleton<SitePlanner>();
        builder.Services.AddSingleton<SitePlanApplier>();
        builder.Services.AddSingleton<UsyncExportOnSave>();
        builder
            .AddNotificationAsyncHandler<ContentSavedNotification, ExportOnSaveNotifications>()
            .AddNotificationAsyncHandler<ContentPublishedNotification, ExportOnSaveNotifications>()
            .AddNotificationAsyncHandler<ContentUnpublishedNotification, ExportOnSaveNotifications>()
            .AddNotificationAsyncHandler<ContentMovedNotification, ExportOnSaveNotifications>()
            .AddNotificationAsyncHandler<ContentMovedToRecycleBinNotification, ExportOnSaveNotifications>()
            .AddNotificationAsyncHandler<ContentSortedNotification, ExportOnSaveNotifications>()
            .AddNotificationAsyncHandler<ContentDeletedNotification, ExportOnSaveNotifications>()
            .AddNotificationAsyncHandler<ContentTypeSavedNotification, ExportOnSaveNotifications>()
            .AddNotificationAsyncHandler<ContentTypeMovedNotification, ExportOnSaveNotifications>()
            .AddNotificationAsyncHandler<ContentTypeDeletedNotification, ExportOnSaveNotifications>()
            .AddNotificationAsyncHandler<DataTypeSavedNotification, ExportOnSaveNotifications>()
            .AddNotificationAsyncHandler<DataTypeMovedNotification, ExportOnSaveNotifications>()
            .AddNotificationAsyncHandler<DataTypeDeletedNotification, ExportOnSaveNotifications>()
            .AddNotificationAsyncHandler<LanguageSavedNotification, ExportOnSaveNotifications>()
            .AddNotificationAsyncHandler<LanguageDeletedNotification, ExportOnSaveNotifications>()
            .AddNotificationAsyncHandler<DictionaryItemSavedNotification, ExportOnSaveNotifications>()
            .AddNotificationAsyncHandler<DictionaryItemDeletedNotification, ExportOnSaveNotifications>();
        builder.Services.AddSingleton<UsyncImportStatus>();
        builder.AddNotificationAsyncHandler<UmbracoApplicationStartingNotification, RunIcssiCmsMigrations>();
        builder.AddNotificationAsyncHandler<UmbracoApplicationStartingNotification, StartupImport>();
    }

    private static void AddForms(IUmbracoBuilder builder)
    {
        builder.Services.AddSingleton<HubForms>();
        // Lazily: Umbraco's distributed cache is made of the cache refreshers, and is needed only once a form changes.
        builder.Services.AddSingleton(services => new Lazy<DistributedCache>(services.GetRequiredService<DistributedCache>));
        builder.Services.AddSingleton<INotificationHandler<HubFormsCacheRefresherNotification>>(services => services.GetRequiredService<HubForms>());
        builder.CacheRefreshers().Add<HubFormsCacheRefresher>();
        builder.DataEditors().Add<FormPickerPropertyEditor>();

        builder.Services.AddOptions<FormsOptions>().BindConfiguration(FormsOptions.SectionName);
        builder.Services.AddOptions<FormsSecurityOptions>().BindConfiguration(FormsSecurityOptions.SectionName);
        builder.Services.AddSingleton<FormTexts>();
        builder.Services.AddSingleton<FormDefinitions>();
        builder.Services.AddSingleton<FormsAccess>();
        builder.Services.AddSingleton<FormTokens>();
        // The same instance that holds the texts hears that they changed (Umbraco's AddNotificationHandler makes a new one).
        builder.Services.AddSingleton<INotificationHandler<DictionaryCacheRefresherNotification>>(services => services.GetRequiredService<FormTexts>());
        builder.Services.AddSingleton<INotificationHandler<LanguageCacheRefresherNotification>>(services => services.GetRequiredService<FormTexts>());
        builder.Services.AddRateLimiter(options => FormRateLimits.Configure(options, builder.Config));
        builder.Services.Configure<UmbracoPipelineOptions>(options =>
            options.AddFilter(new UmbracoPipelineFilter("IcssiCms.Forms")
            {
                PostRouting = app => app.UseRateLimiter(),
                PreMapEndpoints = FormsDeliveryApi.Map,
            }));
    }

    private static void AddRegistrations(IUmbracoBuilder builder)
    {
        builder.Services.AddOptions<RegistrationOptions>().BindConfiguration(RegistrationOptions.SectionName);
        builder.Services.AddSingleton<HubEvents>();
        builder.Services.AddSingleton<RegistrationStore>();
        builder.Services.AddSingleton<SignUpQueue>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SignUpQueue>());
        builder.AddNotificationHandler<ContentCacheRefresherNotification, FreePlacesAfterPublish>();

        builder.Services.AddSingleton<RegistrationLinks>();
        builder.Services.AddSingleton<IRegistrationLinks>(services => services.GetRequiredService<RegistrationLinks>());
        builder.Services.AddSingleton<RegistrationMailComposer>();
        builder.Services.AddSingleton<IPostConfigureOptions<GlobalSettings>, PickupDirectoryUnderContentRoot>();
        builder.Services.AddSingleton<IDistributedBackgroundJob, RegistrationOutboxJob>();
        builder.Services.AddSingleton<IDistributedBackgroundJob, RegistrationMaintenanceJob>();
        builder.Services.Configure<UmbracoPipelineOptions>(options =>
            options.AddFilter(new UmbracoPipelineFilter("IcssiCms.Registrations") { PreMapEndpoints = RegistrationLinkEndpoints.Map }));
    }

    private static void AddRegistrationsBackOffice(IUmbracoBuilder builder) =>
        builder.Services.AddSingleton<RegistrationReport>();

    private static void AddPublishingRules(IUmbracoBuilder builder) =>
        builder
            .AddNotificationHandler<ContentPublishingNotification, NewsMustPickCampaign>()
            .AddNotificationHandler<ContentPublishingNotification, ConferenceEndsAfterStart>();

    private static void AddRichTextSanitizer(IUmbracoBuilder builder) =>
        builder.Services.AddUnique<IHtmlSanitizer, RichTextSanitizer>();

    private static void AddDeliveryApi(IUmbracoBuilder builder)
    {
        builder.Services.TryAddSingleton<ICampaignSlugs, UmbracoCampaignSlugs>();
        builder.Services.AddSingleton<IPostConfigureOptions<LuceneDirectoryIndexOptions>, DeliveryIndexOptions>();
        builder.Services.Configure<MvcOptions>(options => options.Filters.Add(new DeliveryApiRequestFilter()));

        builder.Services.AddSingleton<ContentGeneration>();
        builder.Services.AddSingleton<AnswersAcrossAChangePolicy>();
        builder.Services.AddOptions<OutputCacheOptions>()
            .Configure<AnswersAcrossAChangePolicy>((options, policy) => options.AddBasePolicy(policy))
            .Configure(options => options.AddBasePolicy(new VaryByQueryOrderPolicy()));
        builder.AddNotificationHandler<ContentCacheRefresherNotification, NewsFollowTheirCampaigns>();
        builder.AddNotificationAsyncHandler<ContentCacheRefresherNotification, DeliveryCacheEviction>();
        builder.AddNotificationHandler<UmbracoApplicationStartingNotification, DeliveryCacheEviction>();

        builder.Services.RemoveAll(d => d.ImplementationType == typeof(RebuildOnStartedHandler));
        builder.AddNotificationHandler<UmbracoApplicationStartedNotification, IndexRebuildAfterStart>();
        foreach (var handler in HubDeliveryApi.FilterHandlers)
        {
            builder.FilterHandlers().Add(handler);
        }

        foreach (var handler in HubDeliveryApi.SortHandlers)
        {
            builder.SortHandlers().Add(handler);
        }

        foreach (var handler in HubDeliveryApi.ContentIndexHandlers)
        {
            builder.ContentIndexHandlers().Add(handler);
        }
    }

    private static void AddHealth(IUmbracoBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<UsyncImportHealthCheck>(UsyncImportHealthCheck.Name);
        builder.Services.Configure<UmbracoPipelineOptions>(options =>
            options.AddFilter(new UmbracoPipelineFilter("IcssiCms.Health") { PreMapEndpoints = HealthEndpoint.Map }));
    }
}
