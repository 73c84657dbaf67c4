using System.Net.Http.Json;
using System.Text.Json;
using IcssiCms.EmbeddedHost.Usync;
using IcssiCms.Store.Importing;
using IcssiCms.Store.Planning;
using IcssiCms.Usync.Planning;
using IcssiCms.Store.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace IcssiCms.IntegrationTests.Hosting;

/// <summary>A plan applied to a running host's store by another process is served without a restart.</summary>
public sealed class LiveApplyTests : IDisposable
{
    private const string OldSummary = "One of the major campaigns of the Iraqi Social Forum, which the Iraqi delegation was to outline at the ICSSI Conference 2014 in Oslo.";
    private const string NewSummary = "One of the major campaigns of the Iraqi Social Forum.";

    private readonly TemporaryFolder _folder = new();

    [Fact]
    public async Task A_Change_Applied_To_The_Store_Of_A_Running_Host_Is_Served_Without_A_Restart()
    {
        var usync = _folder.CopyOf(EmbeddedHostFactory.HubUsyncFolder, "uSync");
        var data = Directory.CreateDirectory(Path.Combine(_folder.Path, "data")).FullName;
        await using var factory = new EmbeddedHostFactory(data, usync);
        await using var host = factory.WithWebHostBuilder(b => b.UseSetting("IcssiCms:Store:ReloadCheckInterval", "00:00:00.100"));
        using var client = host.CreateClient();
        await host.Services.GetRequiredService<ImportStatus>().Completion.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(OldSummary, await SummaryAsync(client));

        var file = Path.Combine(usync, "Content", "save-the-tigris.config");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace(OldSummary, NewSummary, StringComparison.Ordinal));

        // What `usync plan` and `usync apply` do, from outside the host, on its store file.
        await using (var db = new HubDbContext(new DbContextOptionsBuilder<HubDbContext>().UseSqlite($"Data Source={factory.DatabaseFile};Pooling=False").Options))
        {
            var planner = new UsyncPlanner(db);
            var plan = (await planner.PlanAsync(usync)).Plan!;
            var change = Assert.Single(plan.Changes);
            Assert.Equal(ChangeAction.Update, change.Action);
            Assert.Contains(change.Details, d => d.Old == OldSummary && d.New == NewSummary);

            var applied = await new PlanApplier(planner, new UsyncImporter(db, NullLogger<UsyncImporter>.Instance), NullLogger<PlanApplier>.Instance)
                .ApplyAsync(plan, allowDestructive: false);
            Assert.Equal(ApplyOutcome.Applied, applied.Outcome);
        }

        // The host notices within its check interval; the deadline only bounds a failure.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string? served;
        while ((served = await SummaryAsync(client)) != NewSummary && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(NewSummary, served);
    }

    private static async Task<string?> SummaryAsync(HttpClient client)
    {
        var item = await client.GetFromJsonAsync<JsonElement>("/umbraco/delivery/api/v2/content/item/campaigns/save-the-tigris/");
        return item.GetProperty("properties").GetProperty("summary").GetString();
    }

    public void Dispose() => _folder.Dispose();
}
