using System.Net;
using IcssiCms.Core.Schema;
using IcssiCms.Store.Importing;
using IcssiCms.Store.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IcssiCms.IntegrationTests.Hosting;

public sealed class StartupImportTests : IDisposable
{
    private static readonly string[] CampaignRoutes =
    [
        "/campaigns/save-the-tigris/",
        "/campaigns/freedom-of-expression/",
        "/campaigns/workers-rights/",
        "/campaigns/womens-rights/",
        "/campaigns/sports-against-violence/",
        "/campaigns/stop-private-military-and-security-companies/",
    ];

    private readonly TemporaryFolder _folder = new();

    [Fact]
    public async Task Host_Imports_The_Hub_On_First_Boot_And_Answers_Healthy()
    {
        await using var host = new EmbeddedHostFactory(_folder.Path, EmbeddedHostFactory.HubUsyncFolder);
        using var client = host.CreateClient();

        var import = await host.StartupImport;
        var health = await client.GetAsync("/healthz");

        Assert.Equal(ImportOutcome.Imported, import!.Outcome);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.True(File.Exists(host.DatabaseFile));
    }

    [Fact]
    public async Task Host_Serves_The_Six_Campaigns_With_Their_Routes_In_English_And_Arabic()
    {
        await using var host = new EmbeddedHostFactory(_folder.Path, EmbeddedHostFactory.HubUsyncFolder);
        await host.StartupImport;

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var campaigns = await db.ContentNodes
            .Where(n => n.ContentTypeAlias == HubContentTypes.Campaign.Alias)
            .Include(n => n.Cultures)
            .OrderBy(n => n.SortOrder)
            .ToListAsync();

        Assert.Equal(CampaignRoutes, campaigns.Select(c => c.Cultures.Single(x => x.Culture == HubCultures.English).Route));
        Assert.All(campaigns, campaign =>
        {
            var arabic = campaign.Cultures.Single(c => c.Culture == HubCultures.Arabic);
            Assert.True(arabic.Published);
            Assert.StartsWith("/الحملات/", arabic.Route);
            Assert.Matches(@"\p{IsArabic}", arabic.Name);
        });
    }

    [Fact]
    public async Task Restart_With_Unchanged_Files_Imports_Nothing()
    {
        await using (var first = new EmbeddedHostFactory(_folder.Path, EmbeddedHostFactory.HubUsyncFolder))
        {
            Assert.Equal(ImportOutcome.Imported, (await first.StartupImport)!.Outcome);
        }

        await using var second = new EmbeddedHostFactory(_folder.Path, EmbeddedHostFactory.HubUsyncFolder);
        Assert.Equal(ImportOutcome.Unchanged, (await second.StartupImport)!.Outcome);
    }

    [Fact]
    public async Task A_Broken_Folder_Is_Refused_At_Restart_And_The_Store_Keeps_Its_Content()
    {
        var usync = _folder.CopyOf(EmbeddedHostFactory.HubUsyncFolder, "uSync");
        await using (var first = new EmbeddedHostFactory(_folder.Path, usync))
        {
            await first.StartupImport;
        }

        var campaignFile = Path.Combine(usync, "Content", "save-the-tigris.config");
        await File.WriteAllTextAsync(campaignFile, (await File.ReadAllTextAsync(campaignFile)).Replace("</Content>", "</Contnet>"));

        await using var second = new EmbeddedHostFactory(_folder.Path, usync);
        using var client = second.CreateClient();
        var import = await second.StartupImport;
        var health = await client.GetAsync("/healthz");

        Assert.Equal(ImportOutcome.Refused, import!.Outcome);
        Assert.Contains(import.Problems, p => p.Source.File == "Content/save-the-tigris.config" && p.Source.Line > 0);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("Content/save-the-tigris.config", await health.Content.ReadAsStringAsync());

        await using var scope = second.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        Assert.Equal(CampaignRoutes.Length, await db.ContentNodes.CountAsync(n => n.ContentTypeAlias == HubContentTypes.Campaign.Alias));
    }

    public void Dispose() => _folder.Dispose();
}
