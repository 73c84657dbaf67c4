using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IcssiCms.Web.IntegrationTests.Hosting;

/// <summary>A small Kestrel app on 127.0.0.1 answering every request with one handler: a stand-in for what a site calls.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, Uri address) => (_app, Address) = (app, address);

    public Uri Address { get; }

    public static async Task<LoopbackServer> StartAsync(RequestDelegate handler)
    {
        var address = Loopback.FreeAddress();
        var builder = WebApplication.CreateSlimBuilder();
        // The test folder holds the site's and the visitors' site's appsettings.json: their endpoints must not apply here.
        builder.Configuration["Kestrel:Endpoints:Http:Url"] = address.ToString();
        var app = builder.Build();
        app.Run(handler);
        await app.StartAsync();
        return new LoopbackServer(app, address);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
