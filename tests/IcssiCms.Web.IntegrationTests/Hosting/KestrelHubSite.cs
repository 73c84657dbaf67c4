namespace IcssiCms.Web.IntegrationTests.Hosting;

/// <summary>
/// A seeded site on real Kestrel at 127.0.0.1 on a free port, for a browser (which needs a real server) as well as for
/// <see cref="Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory{TEntryPoint}.CreateClient()"/>.
/// </summary>
public abstract class KestrelHubSite : HubSite
{
    /// <param name="settings">The site's own settings, given the address it will listen on.</param>
    protected KestrelHubSite(Func<Uri, IReadOnlyDictionary<string, string?>> settings)
    {
        BaseAddress = Loopback.FreeAddress();
        Settings = new Dictionary<string, string?>(settings(BaseAddress))
        {
            // appsettings.json's endpoint (127.0.0.1:5080) would win over code: point it at the free port instead.
            ["Kestrel:Endpoints:Http:Url"] = BaseAddress.ToString(),
            ["Umbraco:CMS:WebRouting:UmbracoApplicationUrl"] = BaseAddress.ToString(),
        };
        UseKestrel();
    }

    public Uri BaseAddress { get; }

    protected override IReadOnlyDictionary<string, string?> Settings { get; }

    public override async Task InitializeAsync()
    {
        StartServer();
        await base.InitializeAsync();
    }
}
