using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using IcssiCms.VisitorSite;
using IcssiCms.VisitorSite.Forms;
using IcssiCms.VisitorSite.Hub;
using IcssiCms.VisitorSite.Languages;
using IcssiCms.VisitorSite.Pages;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Serilog;

namespace IcssiCms.VisitorSite;

/// <summary>The visitors' site: all of its wiring is here.</summary>
public sealed class Program
{
    public static async Task<int> Main(string[] args)
    {
        Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();
        try
        {
            var app = Build(WebApplication.CreateBuilder(args));
            await app.RunAsync();
            return 0;
        }
        catch (Exception ex) when (ex is not HostAbortedException)
        {
            Log.Fatal(ex, "The visitors' site stopped unexpectedly");
            return 1;
        }
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services));

        builder.Services.AddOptions<VisitorSiteOptions>()
            .Bind(builder.Configuration.GetSection(VisitorSiteOptions.SectionName))
            .Validate(options => options.HubBaseAddress.IsAbsoluteUri, $"{VisitorSiteOptions.SectionName}:HubBaseAddress must be an absolute address.")
            .ValidateOnStart();

        builder.Services.AddHybridCache();
        builder.Services.AddSingleton<HubResponseCache>();
        AddHubClient<DeliveryClient>(builder.Services);
        AddHubClient<FormsClient>(builder.Services);

        // Arabic and Kurdish text as characters, not numeric entities: pages a third the size.
        builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        builder.Services.Configure<RouteOptions>(options => options.ConstraintMap[SiteLanguageRouteConstraint.Name] = typeof(SiteLanguageRouteConstraint));
        builder.Services.AddRazorPages(options => options.Conventions.ConfigureFilter(new MethodNotAllowedFilter()));

        var app = builder.Build();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            // A hub that is down is logged once, as a warning, by the error page; it is not an error of the site.
            SuppressDiagnosticsCallback = context => context.Exception is HubUnavailableException,
        });
        app.UseStatusCodePagesWithReExecute("/error");
        app.Use(UnreadableForms.RefuseAsync);
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(SiteLanguage.Default.Culture),
            SupportedCultures = SiteLanguage.All.Select(language => language.Culture).ToList(),
            SupportedUICultures = SiteLanguage.All.Select(language => language.Culture).ToList(),
            // The language is in the URL (/ar/…), and only there.
            RequestCultureProviders =
            [
                new CustomRequestCultureProvider(context => Task.FromResult(
                    SiteLanguage.FromPath(context.Request.Path) is { } language ? new ProviderCultureResult(language.DisplayCulture) : null)),
            ],
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.MapRazorPages();
        return app;
    }

    private static void AddHubClient<TClient>(IServiceCollection services)
        where TClient : class =>
        services.AddHttpClient<TClient>((provider, http) =>
            {
                var options = provider.GetRequiredService<IOptions<VisitorSiteOptions>>().Value;
                http.BaseAddress = options.HubBaseAddress;
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddResilienceHandler("hub", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<VisitorSiteOptions>>().Value;
                // One attempt within the site's patience: a slow hub is reported to the visitor, not retried behind their back.
                pipeline.AddTimeout(options.HubTimeout);
            });
}
