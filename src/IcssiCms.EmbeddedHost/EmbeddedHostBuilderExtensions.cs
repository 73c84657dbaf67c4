using IcssiCms.EmbeddedHost.Logging;
using IcssiCms.EmbeddedHost.Usync;
using IcssiCms.Store;
using IcssiCms.Store.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Serilog;

namespace IcssiCms.EmbeddedHost;

/// <summary>All of the embedded host's wiring, in one place.</summary>
public static class EmbeddedHostBuilderExtensions
{
    public static WebApplicationBuilder AddEmbeddedHost(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) =>
            SerilogSetup.Configure(logger, builder.Configuration, builder.Environment));

        var connectionString = builder.Configuration.GetConnectionString(HubStoreConnection.ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{HubStoreConnection.ConnectionName} is not set.");
        var providerName = builder.Configuration.GetConnectionString(HubStoreConnection.ConnectionName + HubStoreConnection.ProviderSuffix);
        builder.Services.AddHubStore(HubStoreConnection.Resolve(connectionString, providerName, builder.Environment.ContentRootPath));

        builder.Services.AddOptions<UsyncSettings>().BindConfiguration(UsyncSettings.SectionName);
        builder.Services.AddSingleton<ImportStatus>();
        builder.Services.AddHostedService<StartupImport>();

        builder.Services.AddProblemDetails();
        builder.Services.AddHealthChecks().AddCheck<ImportHealthCheck>("usync-import");
        return builder;
    }

    public static WebApplication MapEmbeddedHost(this WebApplication app)
    {
        app.UseSerilogRequestLogging();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync });
        return app;
    }
}
