using IcssiCms.Web.IntegrationTests.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using VisitorSiteProgram = IcssiCms.VisitorSite.Program;

namespace IcssiCms.Web.IntegrationTests.VisitorSite;

/// <summary>The visitors' site (<c>src/IcssiCms.VisitorSite</c>, with its own appsettings.json) in front of a hub.</summary>
public static class VisitorSites
{
    public static string ContentRoot => Path.Combine(HubSite.RepositoryRoot, "src", "IcssiCms.VisitorSite");

    public static WebApplicationFactory<VisitorSiteProgram> InFrontOf(Uri hub, IReadOnlyDictionary<string, string?>? settings = null) =>
        new WebApplicationFactory<VisitorSiteProgram>().WithWebHostBuilder(builder =>
        {
            builder.UseContentRoot(ContentRoot);
            builder.UseSetting("IcssiCms:VisitorSite:HubBaseAddress", hub.ToString());
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                builder.UseSetting(key, value);
            }
        });
}
