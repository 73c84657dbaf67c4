using IcssiCms.Core.Registrations.Links;
using IcssiCms.Core.Registrations.Mail;
using IcssiCms.Core.Registrations;
using RegistrationStore = IcssiCms.EmbeddedHost.Registrations.RegistrationStore;
using RegistrationMailKind = IcssiCms.Store.Storage.RegistrationMailKind;
using RegistrationStatus = IcssiCms.Store.Storage.RegistrationStatus;
using IcssiCms.Core.Forms.Delivery;
using IcssiCms.Core.Delivery;
using Ganss.Xss;
using IcssiCms.Core.Publishing;
using IcssiCms.EmbeddedHost.BackOffice;
using IcssiCms.EmbeddedHost.BackOffice.Content;
using IcssiCms.EmbeddedHost.BackOffice.Admin;
using IcssiCms.EmbeddedHost.Delivery;
using IcssiCms.EmbeddedHost.Delivery.Indexing;
using IcssiCms.EmbeddedHost.Delivery.Querying;
using IcssiCms.EmbeddedHost.Delivery.Querying.Filters;
using IcssiCms.EmbeddedHost.Delivery.Querying.Selectors;
using IcssiCms.EmbeddedHost.Delivery.Querying.Sorts;
using IcssiCms.EmbeddedHost.Delivery.Rendering;
using IcssiCms.EmbeddedHost.Delivery.Snapshot;
using IcssiCms.EmbeddedHost.Forms;
using IcssiCms.EmbeddedHost.Logging;
using IcssiCms.EmbeddedHost.Mail;
using IcssiCms.EmbeddedHost.Registrations;
using IcssiCms.Core.Usync;
using IcssiCms.EmbeddedHost.Usync;
using IcssiCms.EmbeddedHost.Webhooks;
using IcssiCms.Store;
using IcssiCms.Search;
using IcssiCms.Store.Reading;
using IcssiCms.Store.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Umbraco.Cms.Core.Configuration.Models;
using Umbraco.Cms.Core.DeliveryApi;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Notifications;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Serilog;

namespace IcssiCms.EmbeddedHost;

/// <summary>All of the embedded host's wiring, in one place.</summary>
public static class EmbeddedHostBuilderExtensions
{
    public static WebApplicationBuilder AddEmbeddedHost(this WebApplicationBuilder builder)
    {
        // The static bootstrap logger is left as it is: it only reports a failed start, and freezing it would stop
        // a second host in the same process (as in tests) from starting.
        builder.Services.AddSerilog(
            (services, logger) => SerilogSetup.Configure(logger, builder.Configuration, builder.Environment),
            preserveStaticLogger: true);

        var connectionString = builder.Configuration.GetConnectionString(HubStoreConnection.ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{HubStoreConnection.ConnectionName} is not set.");
        var providerName = builder.Configuration.GetConnectionString(HubStoreConnection.ConnectionName + HubStoreConnection.ProviderSuffix);
        var storeConnection = HubStoreConnection.Resolve(connectionString, providerName, builder.Environment.ContentRootPath);
        builder.Services.AddHubStore(storeConnection);

        builder.Services.AddOptions<UsyncSettings>().BindConfiguration(UsyncSettings.SectionName);
        builder.Services.AddSingleton<ImportStatus>();
        builder.Services.AddSingleton<ContentExportOnSave>();
        builder.Services.AddHostedService<StartupImport>();
        builder.Services.AddOptions<StoreWatchOptions>().BindConfiguration(StoreWatchOptions.SectionName);
        builder.Services.AddHostedService<StoreChangeWatcher>();

        AddDeliveryApi(builder.Services, IndexFolder(storeConnection));
        AddWebhooks(builder.Services);
        AddFormsAndRegistrations(builder.Services, builder.Configuration, storeConnection);
        AddBackOffice(builder.Services);

        builder.Services.AddProblemDetails();
        builder.Services.AddHealthChecks().AddCheck<ImportHealthCheck>("usync-import");
        return builder;
    }

    /// <summary>
    /// Umbraco's Delivery API as the embedded host serves it: Umbraco's settings class, the built-in query
    /// handlers and the plugin's (the same classes an Umbraco site loads), a Lucene index in Umbraco's index folder.
    /// </summary>
    private static void AddDeliveryApi(IServiceCollection services, string indexFolder)
    {
        services.AddHttpContextAccessor();
        services.AddOptions<DeliveryApiSettings>().BindConfiguration(DeliveryApiSection);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ContentSnapshotAccessor>();
        services.AddScoped<StoreSetReader>();
        services.AddScoped<ContentSnapshotBuilder>();
        services.AddSingleton<ICampaignSlugs, SnapshotCampaignSlugs>();
        services.AddSingleton<IRequestCultureService, RequestCultureService>();
        services.AddSingleton<IRequestPreviewService, RequestPreviewService>();
        services.AddSingleton<RequestStartItem>();

        Type[] indexHandlers =
        [
            typeof(ContentTypeFilterIndexer), typeof(NameSortIndexer), typeof(CreateDateSortIndexer), typeof(UpdateDateSortIndexer),
            typeof(LevelSortIndexer), typeof(SortOrderSortIndexer), typeof(AncestorsSelectorIndexer), typeof(ChildrenSelectorIndexer),
            typeof(DescendantsSelectorIndexer), .. HubDeliveryApi.ContentIndexHandlers,
        ];
        Type[] filterHandlers = [typeof(ContentTypeFilter), typeof(NameFilter), typeof(CreateDateFilter), typeof(UpdateDateFilter), .. HubDeliveryApi.FilterHandlers];
        Type[] sortHandlers = [typeof(CreateDateSort), typeof(UpdateDateSort), typeof(LevelSort), typeof(NameSort), typeof(SortOrderSort), .. HubDeliveryApi.SortHandlers];
        Type[] selectorHandlers = [typeof(AncestorsSelector), typeof(ChildrenSelector), typeof(DescendantsSelector)];
        AddAll<IContentIndexHandler>(services, indexHandlers);
        AddAll<IFilterHandler>(services, filterHandlers);
        AddAll<ISortHandler>(services, sortHandlers);
        AddAll<ISelectorHandler>(services, selectorHandlers);

        services.AddSingleton<IContentIndex>(provider => LuceneContentIndex.OpenFolder(
            indexFolder, provider.GetServices<IContentIndexHandler>().SelectMany(h => h.GetFields()).DistinctBy(f => f.FieldName)));
        services.AddSingleton<ContentIndexer>();
        services.AddSingleton<DeliveryContentRefresher>();
        services.AddSingleton<ContentResponseBuilder>();
        services.AddSingleton<IApiContentQueryService, ContentQueryService>();
        services.AddSingleton<DeliveryApiOutputCachePolicy>();
        services.AddOutputCache();
        services.AddDeliveryApiOpenApi();
        services.AddOptions<Microsoft.AspNetCore.OutputCaching.OutputCacheOptions>()
            .Configure<DeliveryApiOutputCachePolicy>((options, policy) => options.AddPolicy(DeliveryApiOutputCachePolicy.PolicyName, policy));
    }

    private const string DeliveryApiSection = "Umbraco:CMS:DeliveryApi";

    private const string WebhookSection = "Umbraco:CMS:Webhook";

    /// <summary>
    /// Content webhooks: Umbraco's webhook settings (on/off, retries, period), our targets (validated at start),
    /// a queue the refresher fills and a background service that sends and retries.
    /// </summary>
    private static void AddWebhooks(IServiceCollection services)
    {
        services.AddOptions<WebhookSettings>().BindConfiguration(WebhookSection);
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        services.AddSingleton<WebhookDeliveryQueue>();
        services.AddSingleton<ContentWebhookPublisher>();
        services.AddHostedService<WebhookDeliveryService>();
        services.AddHttpClient(WebhookDeliveryService.ClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
    }

    /// <summary>
    /// Umbraco Forms' delivery API over the imported forms, and the registrations its workflow makes: one durable
    /// writer, e-mails through an outbox, the retention job, rate limits per IP and per form. Data Protection keys
    /// (for antiforgery, form tokens and e-mailed links) are kept beside the database so that links outlive a restart.
    /// </summary>
    private static void AddFormsAndRegistrations(IServiceCollection services, IConfiguration configuration, string storeConnection)
    {
        services.AddOptions<FormsOptions>().BindConfiguration(FormsOptions.SectionName);
        services.AddOptions<FormsSecurityOptions>().BindConfiguration(FormsSecurityOptions.SectionName);
        services.AddOptions<RegistrationOptions>().BindConfiguration(RegistrationOptions.SectionName);
        services.AddDataProtection()
            .SetApplicationName("IcssiCms")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(DataFolder(storeConnection), "DataProtection-Keys")));
        services.AddAntiforgery();
        services.AddSingleton<FormCatalog>();
        services.AddSingleton<FormsAccess>();
        services.AddSingleton<FormTokens>();
        services.AddSingleton<EventCapacities>();
        services.AddSingleton<RegistrationLinks>();
        services.AddSingleton<IRegistrationLinks>(provider => provider.GetRequiredService<RegistrationLinks>());
        services.AddSingleton(new RegistrationStore(storeConnection));
        services.AddSingleton<RegistrationWriter>();
        services.AddHostedService(provider => provider.GetRequiredService<RegistrationWriter>());
        services.AddHostedService<RegistrationMaintenance>();
        services.AddRegistrationMail(configuration);
        services.AddRateLimiter(options => FormRateLimits.Configure(options, configuration));
    }

    private const string UnattendedSection = "Umbraco:CMS:Unattended";

    private const string SecuritySection = "Umbraco:CMS:Security";

    /// <summary>
    /// The editors' back office at <c>/umbraco</c>: Razor Pages from <c>BackOffice/Pages</c>, users in the store with
    /// Identity's password hasher, the first administrator from Umbraco's unattended settings, Umbraco's lockout
    /// settings, and a cookie of its own (HttpOnly, SameSite=Strict, Secure whenever the request is HTTPS; sent only
    /// under <c>/umbraco</c>; a session ends once its user's security stamp changes). The cookie scheme is not the default: only back-office pages ever read it. Editors edit,
    /// publish and unpublish content through <see cref="ContentEditing"/>, under the plugin's publishing rules, now or
    /// scheduled (<see cref="ContentScheduler"/>).
    /// </summary>
    private static void AddBackOffice(IServiceCollection services)
    {
        services.AddOptions<UnattendedSettings>().BindConfiguration(UnattendedSection);
        services.AddOptions<SecuritySettings>().BindConfiguration(SecuritySection);
        services.AddSingleton<IPasswordHasher<BackOfficeUser>, PasswordHasher<BackOfficeUser>>();
        services.AddScoped<BackOfficeSignIn>();
        services.AddScoped<UserAdministration>();
        services.AddSingleton<FirstAdministrator>();
        services.AddHostedService(provider => provider.GetRequiredService<FirstAdministrator>());

        // Editing content: the plugin's publishing rules are the same handler classes an Umbraco site registers.
        services.AddSingleton<INotificationHandler<ContentPublishingNotification>, NewsMustPickCampaign>();
        services.AddSingleton<INotificationHandler<ContentPublishingNotification>, ConferenceEndsAfterStart>();
        services.AddSingleton(new HtmlSanitizer());
        services.AddScoped<ContentEditing>();
        services.AddHostedService<ContentScheduler>();
        services.AddSingleton<BackOfficeTimeZone>();

        // The plugin now references Umbraco's site packages, whose controllers (and the plugin's own, for Umbraco's
        // Management API) MVC would otherwise load as application parts, and refuse: their routes need Umbraco's tokens.
        // The host serves only its own pages.
        services.AddRazorPages(options => options.RootDirectory = "/BackOffice/Pages")
            .ConfigureApplicationPartManager(manager =>
            {
                foreach (var part in manager.ApplicationParts.Where(p => p.Name.StartsWith("Umbraco.", StringComparison.Ordinal) || p.Name == "IcssiCms.Core").ToList())
                {
                    manager.ApplicationParts.Remove(part);
                }
            });
        services.AddAuthentication()
            .AddCookie(BackOfficeAuthentication.Scheme, options =>
            {
                options.Cookie.Name = BackOfficeAuthentication.CookieName;
                options.Cookie.Path = BackOfficeAuthentication.CookiePath;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = BackOfficeAuthentication.SignInPath;
                options.LogoutPath = BackOfficeAuthentication.LogoutPath;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.Events.OnValidatePrincipal = SecurityStampValidation.ValidateAsync;
                // A signed-in user without the role gets 403, not a redirect that hides the refusal.
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new AuthorizationPolicyBuilder(BackOfficeAuthentication.Scheme).RequireAuthenticatedUser().Build())
            .AddPolicy(BackOfficeAuthentication.AdministratorPolicy, policy => policy
                .AddAuthenticationSchemes(BackOfficeAuthentication.Scheme)
                .RequireRole(BackOfficeRoles.Administrator));
    }

    private static void AddAll<TService>(IServiceCollection services, IEnumerable<Type> implementations)
        where TService : class
    {
        foreach (var implementation in implementations)
        {
            services.AddSingleton(typeof(TService), implementation);
        }
    }

    /// <summary>Umbraco keeps its Examine indexes in <c>umbraco/Data/TEMP/ExamineIndexes</c>, beside the database.</summary>
    private static string IndexFolder(string sqliteConnectionString) =>
        Path.Combine(DataFolder(sqliteConnectionString), "TEMP", "ExamineIndexes", "DeliveryApiContentIndex");

    private static string DataFolder(string sqliteConnectionString)
    {
        var database = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(sqliteConnectionString).DataSource;
        return Path.GetDirectoryName(Path.GetFullPath(database))!;
    }

    /// <summary>
    /// Serilog's default (an exception or a 5xx is an error), except for <c>/healthz</c>: its 503 while the import
    /// runs is an answer, not a failure, and probes would otherwise fill the log with errors.
    /// </summary>
    private static Serilog.Events.LogEventLevel RequestLogLevel(HttpContext context, double elapsed, Exception? exception) =>
        context.Request.Path.StartsWithSegments(HealthPath) ? Serilog.Events.LogEventLevel.Debug
        : exception is not null || context.Response.StatusCode >= StatusCodes.Status500InternalServerError ? Serilog.Events.LogEventLevel.Error
        : Serilog.Events.LogEventLevel.Information;

    private const string HealthPath = "/healthz";

    public static WebApplication MapEmbeddedHost(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options => options.GetLevel = RequestLogLevel);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseOutputCache();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapDeliveryApi();
        app.MapFormsApi();
        app.MapRegistrationsApi();
        app.MapRegistrationLinkPage();
        app.MapRazorPages();
        app.MapOpenApi(DeliveryApiOpenApi.Route);
        app.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync });
        return app;
    }
}
