using IcssiCms.Web.Hosting;

WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
builder.AddGeneratedSettings();

builder.CreateUmbracoBuilder()
    .AddBackOffice()
    .AddWebsite()
    .AddDeliveryApi()
    .AddComposers()
    .AddIcssiSite()
    .Build();

WebApplication app = builder.Build();

await app.BootUmbracoAsync();

app.UseUmbraco()
    .WithMiddleware(u =>
    {
        u.UseBackOffice();
        u.UseWebsite();
    })
    .WithEndpoints(u =>
    {
        u.UseBackOfficeEndpoints();
        u.UseWebsiteEndpoints();
    });

await app.RunAsync();

/// <summary>The site's entry point; public so that integration tests can boot it with WebApplicationFactory.</summary>
public partial class Program;
