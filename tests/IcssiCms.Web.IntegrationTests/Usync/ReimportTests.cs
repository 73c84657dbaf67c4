using System.Net.Http.Json;
using System.Text.Json;
using IcssiCms.Core.Usync.Importing;
using IcssiCms.Usync.Model;
using IcssiCms.Web.IntegrationTests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Umbraco.Cms.Core.Services;

namespace IcssiCms.Web.IntegrationTests.Usync;

/// <summary>
/// Importing again, as a deploy does: only the files that changed since the last import are imported, and a folder with
/// a problem is refused whole, changing nothing. Each test imports its own copy of the repository's folder.
/// </summary>
[Collection(ChangingSiteCollection.Name)]
public sealed class ReimportTests(ChangingSite site) : IDisposable
{
    private const string WorkersRights = "Content/workers-rights.config";
    private static readonly Guid WorkersRightsKey = Guid.Parse("6198d0fb-38e4-5204-9a03-d3370033fde7");
    private readonly string _folder = Path.Combine(site.ContentRoot, "deploy-" + Guid.NewGuid().ToString("N")[..8]);

    private UsyncImporter Importer => site.Services.GetRequiredService<UsyncImporter>();

    [Fact]
    public async Task A_Folder_Unchanged_Since_The_Last_Import_Writes_Nothing()
    {
        HubSite.CopyFolder(HubSite.RepositoryUsyncFolder, _folder);

        var result = await Importer.ImportAsync(_folder, "All");

        Assert.Equal(UsyncImportOutcome.Unchanged, result.Outcome);
        Assert.Empty(result.Written);
    }

    [Fact]
    public async Task A_Changed_File_Is_Imported_Alone_And_Served_At_Once()
    {
        HubSite.CopyFolder(HubSite.RepositoryUsyncFolder, _folder);
        var summary = $"Workers' Rights, summary changed by a deploy {Guid.NewGuid():N}";
        Replace(WorkersRights, "One of the major campaigns of the Iraqi Social Forum", summary);

        var result = await Importer.ImportAsync(_folder, "All");

        Assert.Equal(UsyncImportOutcome.Imported, result.Outcome);
        Assert.Equal(1, result.WrittenOf(UsyncItemType.Content));
        Assert.Equal(0, result.WrittenOf(UsyncItemType.ContentType) + result.WrittenOf(UsyncItemType.DataType) + result.WrittenOf(UsyncItemType.Language));
        Assert.StartsWith(summary, await SummaryAsync(WorkersRightsKey));
        Assert.Equal(UsyncImportOutcome.Unchanged, (await Importer.ImportAsync(_folder, "All")).Outcome);

        // The site exports on save, but not what an import saves: its own folder keeps the file as it was.
        Assert.Equal(
            File.ReadAllBytes(Path.Combine(HubSite.RepositoryUsyncFolder, WorkersRights)),
            File.ReadAllBytes(Path.Combine(site.UsyncFolder, WorkersRights)));
    }

    [Fact]
    public async Task A_Folder_With_A_File_That_Is_Not_Xml_Is_Refused_Whole_And_Changes_Nothing()
    {
        HubSite.CopyFolder(HubSite.RepositoryUsyncFolder, _folder);
        var before = await SummaryAsync(WorkersRightsKey);
        Replace(WorkersRights, "One of the major campaigns of the Iraqi Social Forum", "A change that must not land");
        File.WriteAllText(Path.Combine(_folder, "Content", "broken.config"), "<Content Key=\"not-xml\"");

        var result = await Importer.ImportAsync(_folder, "All");

        Assert.Equal(UsyncImportOutcome.Refused, result.Outcome);
        Assert.Contains(result.Problems, p => p.Source.File == "Content/broken.config" && p.Source.Line == 1);
        Assert.Empty(result.Written);
        Assert.Equal(before, await SummaryAsync(WorkersRightsKey));
    }

    [Fact]
    public async Task A_Folder_That_Names_A_Missing_Document_Type_Is_Refused_Whole_And_Changes_Nothing()
    {
        HubSite.CopyFolder(HubSite.RepositoryUsyncFolder, _folder);
        var before = await SummaryAsync(WorkersRightsKey);
        var count = site.Services.GetRequiredService<IContentService>().Count();
        Replace(WorkersRights, "One of the major campaigns of the Iraqi Social Forum", "A change that must not land");
        Replace("Content/save-the-tigris.config", "<ContentType>campaign</ContentType>", "<ContentType>noSuchType</ContentType>");

        var result = await Importer.ImportAsync(_folder, "All");

        Assert.Equal(UsyncImportOutcome.Refused, result.Outcome);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("Content/save-the-tigris.config", problem.Source.File);
        Assert.True(problem.Source.Line > 1);
        Assert.Contains("noSuchType", problem.Message);
        Assert.Empty(result.Written);
        Assert.Equal(before, await SummaryAsync(WorkersRightsKey));
        Assert.Equal(count, site.Services.GetRequiredService<IContentService>().Count());
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private void Replace(string file, string from, string to)
    {
        var path = Path.Combine(_folder, file);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    private async Task<string> SummaryAsync(Guid key)
    {
        using var http = site.CreateClient();
        var item = await http.GetFromJsonAsync<JsonElement>($"/umbraco/delivery/api/v2/content/item/{key:D}");
        return item.GetProperty("properties").GetProperty("summary").GetString()!;
    }
}
