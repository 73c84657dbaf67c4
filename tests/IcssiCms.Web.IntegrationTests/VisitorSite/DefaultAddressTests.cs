using System.Text.Json.Nodes;
using IcssiCms.VisitorSite;
using IcssiCms.Web.IntegrationTests.Hosting;

namespace IcssiCms.Web.IntegrationTests.VisitorSite;

/// <summary>Both sites run with their settings as committed (<c>dotnet run</c> on each): the visitors' site asks the Umbraco site.</summary>
public sealed class DefaultAddressTests
{
    [Fact]
    public void The_visitors_sites_default_hub_is_where_the_Umbraco_site_listens()
    {
        var umbraco = Setting(Path.Combine(HubSite.RepositoryRoot, "appsettings.json"), "Kestrel", "Endpoints", "Http", "Url");
        var hub = Setting(Path.Combine(VisitorSites.ContentRoot, "appsettings.json"), VisitorSiteOptions.SectionName.Split(':').Append("HubBaseAddress").ToArray());

        Assert.Equal(new Uri(umbraco), new Uri(hub));
        Assert.Equal(new Uri(umbraco), new VisitorSiteOptions().HubBaseAddress);
    }

    private static string Setting(string file, params string[] path) =>
        path.Aggregate((JsonNode?)JsonNode.Parse(File.ReadAllText(file)), (node, key) => node?[key])?.GetValue<string>()
        ?? throw new InvalidOperationException($"{file} has no {string.Join(':', path)}.");
}
