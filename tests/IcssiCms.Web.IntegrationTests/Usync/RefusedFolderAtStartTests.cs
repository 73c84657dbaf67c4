using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IcssiCms.Core.Usync.Importing;
using IcssiCms.Web.IntegrationTests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Umbraco.Cms.Core.Services;

namespace IcssiCms.Web.IntegrationTests.Usync;

/// <summary>
/// A site started again on its content root imports its uSync folder only when it changed; one that starts with a folder it
/// must refuse keeps serving what it had, and says why.
/// </summary>
[Collection(RestartCollection.Name)]
public sealed class RefusedFolderAtStartTests
{
    [Fact]
    public async Task A_Site_Started_Again_Imports_Nothing_From_An_Unchanged_Folder_And_Refuses_A_Broken_One_Serving_What_It_Had()
    {
        string contentRoot;
        await using (var first = new HubSite { KeepsContentRoot = true })
        {
            await first.InitializeAsync();
            Assert.Equal(UsyncImportOutcome.Imported, first.StartupImport?.Outcome);
            contentRoot = first.ContentRoot;
        }

        await using (var unchanged = HubSite.Restart(contentRoot, keepsContentRoot: true))
        {
            await unchanged.InitializeAsync();
            Assert.Equal(UsyncImportOutcome.Unchanged, unchanged.StartupImport?.Outcome);
            Assert.Empty(unchanged.StartupImport!.Written);
            using var healthy = await unchanged.CreateClient().GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);

            var summary = Path.Combine(unchanged.UsyncFolder, "Content", "save-the-tigris.config");
            File.WriteAllText(summary, File.ReadAllText(summary).Replace("One of the major campaigns", "A change that must not land", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(unchanged.UsyncFolder, "Content", "broken.config"), "<Content>\n  <Info>\n</Content>");
        }

        await using var again = HubSite.Restart(contentRoot);
        await again.InitializeAsync();
        using var http = again.CreateClient();

        Assert.Equal(UsyncImportOutcome.Refused, again.StartupImport?.Outcome);
        using var health = await http.GetAsync("/healthz");
        var report = await health.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("Content/broken.config:3", report);

        var campaign = await http.GetFromJsonAsync<JsonElement>("/umbraco/delivery/api/v2/content/item/a9ff1064-cf1a-5661-b800-7b3fcfa41fa9");
        Assert.StartsWith("One of the major campaigns", campaign.GetProperty("properties").GetProperty("summary").GetString());
    }

    [Fact]
    public async Task A_New_Site_Whose_Folder_Is_Refused_Says_Why_And_Writes_Nothing_Of_It()
    {
        await using var site = new HubSite();
        File.WriteAllText(Path.Combine(site.UsyncFolder, "Content", "broken.config"), "<Content>\n  <Info>\n</Content>");

        await site.InitializeAsync();
        using var http = site.CreateClient();

        Assert.Equal(UsyncImportOutcome.Refused, site.StartupImport?.Outcome);
        Assert.Empty(site.StartupImport!.Written);
        using var health = await http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("Content/broken.config:3", await health.Content.ReadAsStringAsync());
        Assert.Equal(0, site.Services.GetRequiredService<IContentService>().Count());
        Assert.DoesNotContain(site.Services.GetRequiredService<IContentTypeService>().GetAll(), t => t.Alias == "campaign");
    }
}

/// <summary>Tests that stop a site and start it again on the same content root.</summary>
[CollectionDefinition(Name)]
public sealed class RestartCollection
{
    public const string Name = "Restarted site";
}
