using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using IcssiCms.Core.Schema;
using IcssiCms.EmbeddedHost.BackOffice.Pages.Content;
using IcssiCms.IntegrationTests.Delivery;
using IcssiCms.IntegrationTests.Hosting;
using IcssiCms.Store.Importing;
using IcssiCms.Store.Reading;
using IcssiCms.Store.Storage;
using IcssiCms.Usync.Writing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace IcssiCms.IntegrationTests.BackOffice.Content;

/// <summary>Export-on-save tests share one seeded host writing to its own copy of the hub's uSync folder, one test at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ExportOnSaveCollection : ICollectionFixture<ExportOnSaveHost>
{
    public const string Name = "BackOffice export on save";
}

/// <summary>The seeded back-office host with <c>uSync:Settings:ExportOnSave</c> "All", on a temporary copy of the hub's uSync folder.</summary>
public sealed class ExportOnSaveHost : ContentEditingHost
{
    private readonly TemporaryFolder _folder = new();

    public ExportOnSaveHost() => UsyncFolder = _folder.CopyOf(EmbeddedHostFactory.HubUsyncFolder, "uSync");

    /// <summary>The host's uSync folder: what it imported at start and where it writes on save.</summary>
    public string UsyncFolder { get; }

    public TemporaryFolder Scratch => _folder;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Umbraco:CMS:Unattended:UnattendedUserName"] = BackOfficeHost.AdminName,
        ["Umbraco:CMS:Unattended:UnattendedUserEmail"] = BackOfficeHost.AdminEmail,
        ["Umbraco:CMS:Unattended:UnattendedUserPassword"] = BackOfficeHost.AdminPassword,
        ["uSync:Settings:RootFolder"] = UsyncFolder,
        ["uSync:Settings:ExportOnSave"] = "All",
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _folder.Dispose();
    }
}

[Collection(ExportOnSaveCollection.Name)]
public sealed class ExportOnSaveTests(ExportOnSaveHost host)
{
    /// <summary>A campaign's summary, in each culture.</summary>
    private const string Summary = "summary";

    private static readonly Guid FreedomOfExpression = Guid.Parse("64740a9d-7c7f-56e3-a87f-e94307f60cb7");
    private static readonly Guid SaveTheTigris = SeedContent.Hub.Items.Single(i => i.ContentType == HubContentTypes.Campaign.Alias && i.Name(HubCultures.English) == "Save the Tigris").Key;

    [Fact]
    public async Task A_Saved_Item_Is_Written_As_Usync_Export_Writes_It_And_A_Fresh_Import_Of_The_Folder_Has_The_Change()
    {
        using var client = await host.SignedInClientAsync();
        var file = Path.Combine(host.UsyncFolder, "Content", "save-the-tigris.config");
        var summary = "Saved and exported " + Guid.NewGuid().ToString("N")[..6];
        var before = await File.ReadAllTextAsync(file, Encoding.UTF8);
        var oldSummary = (await host.WithStoreAsync(db => db.PropertyValues.AsNoTracking().SingleAsync(v => v.NodeKey == SaveTheTigris && v.Alias == Summary && v.Culture == HubCultures.English))).Value!;

        var save = await (await EditForm.GetAsync(client, SaveTheTigris))
            .Set(EditForm.Value(Summary, HubCultures.English), summary)
            .PostAsync(client, SaveTheTigris, "Save");

        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        Assert.Equal(before.Replace($"<![CDATA[{oldSummary}]]>", $"<![CDATA[{summary}]]>", StringComparison.Ordinal), await File.ReadAllTextAsync(file, Encoding.UTF8));
        Assert.Equal(await ExportedAsync("Content/save-the-tigris.config"), await File.ReadAllBytesAsync(file));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(host.UsyncFolder, "Content"), "*.tmp"));

        await using var imported = await ImportIntoFreshStoreAsync();
        var value = await imported.PropertyValues.AsNoTracking().SingleAsync(v => v.NodeKey == SaveTheTigris && v.Alias == Summary && v.Culture == HubCultures.English);
        Assert.Equal(summary, value.Value);
    }

    [Fact]
    public async Task A_Created_Renamed_Published_And_Recycled_Item_Keeps_One_File_That_A_Fresh_Import_Reads_Back()
    {
        using var client = await host.SignedInClientAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var key = await CreateNewsAsync(client, "Exported news " + suffix);
        var created = Path.Combine(host.UsyncFolder, "Content", $"exported-news-{suffix}.config");
        Assert.Contains($"Key=\"{key:D}\"", await File.ReadAllTextAsync(created), StringComparison.Ordinal);

        var renamed = "Renamed news " + suffix;
        var publish = await (await EditForm.GetAsync(client, key))
            .Set(EditModel.NamePrefix + HubCultures.English, renamed)
            .Set(EditForm.Value(HubContentTypes.CampaignNews.Headline, HubCultures.English), renamed)
            .Set(EditForm.Value(HubContentTypes.CampaignNews.Campaigns), SaveTheTigris.ToString())
            .PostAsync(client, key, "Publish");
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);

        var file = Path.Combine(host.UsyncFolder, "Content", $"renamed-news-{suffix}.config");
        Assert.Equal(await ExportedAsync($"Content/renamed-news-{suffix}.config"), await File.ReadAllBytesAsync(file));
        Assert.Contains("<Published Culture=\"en-US\">true</Published>", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        Assert.Contains($"<Empty Key=\"{key:D}\" Alias=\"{renamed}\" Change=\"Rename\" />", await File.ReadAllTextAsync(created), StringComparison.Ordinal);

        var edit = await client.GetStringAsync($"/umbraco/content/{key:D}");
        var token = new HtmlParser().ParseDocument(edit).QuerySelector("form[action*='handler=Trash'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var trash = await client.PostAsync($"/umbraco/content/{key:D}?handler=Trash", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, trash.StatusCode);
        var trashed = await File.ReadAllTextAsync(file);
        Assert.Contains("<Trashed>true</Trashed>", trashed, StringComparison.Ordinal);
        Assert.Contains("<Published Culture=\"en-US\">false</Published>", trashed, StringComparison.Ordinal);

        await using (var imported = await ImportIntoFreshStoreAsync())
        {
            var node = await imported.ContentNodes.AsNoTracking().SingleAsync(n => n.Key == key);
            Assert.True(node.Trashed);
            Assert.Equal(renamed, node.Name);
            Assert.Equal(FreedomOfExpression, node.ParentKey);
        }

        var bin = await client.GetStringAsync("/umbraco/recycle-bin");
        var empty = await client.PostAsync("/umbraco/recycle-bin?handler=Empty", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = new HtmlParser().ParseDocument(bin).QuerySelector("form[action*='handler=Empty'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["confirmed"] = "true",
        }));
        Assert.Equal(HttpStatusCode.Redirect, empty.StatusCode);
        Assert.Contains($"<Empty Key=\"{key:D}\" Alias=\"{renamed}\" Change=\"Delete\" />", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        await using (var imported = await ImportIntoFreshStoreAsync())
        {
            Assert.False(await imported.ContentNodes.AnyAsync(n => n.Key == key));
        }
    }

    [Fact]
    public async Task An_Item_That_Takes_The_Name_Of_Another_Items_File_Moves_That_Item_To_Its_Own_New_Name()
    {
        using var client = await host.SignedInClientAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var name = "Twin " + suffix;
        var news = await CreateAsync(client, FreedomOfExpression, HubContentTypes.CampaignNews.Alias, name);
        var plain = $"Content/twin-{suffix}.config";
        Assert.Contains($"Key=\"{news:D}\"", await File.ReadAllTextAsync(Path.Combine(host.UsyncFolder, plain)), StringComparison.Ordinal);

        // A campaign is a level above the news, so the export names it first: it gets the plain name, the news the key suffix.
        var campaign = await CreateAsync(client, Campaigns, HubContentTypes.Campaign.Alias, name);

        var suffixed = $"Content/twin-{suffix}_{UsyncFileNames.ShortKey(news)}.config";
        Assert.Equal(await ExportedAsync(plain), await File.ReadAllBytesAsync(Path.Combine(host.UsyncFolder, plain)));
        Assert.Contains($"Key=\"{campaign:D}\"", await File.ReadAllTextAsync(Path.Combine(host.UsyncFolder, plain)), StringComparison.Ordinal);
        Assert.Equal(await ExportedAsync(suffixed), await File.ReadAllBytesAsync(Path.Combine(host.UsyncFolder, suffixed)));
        await using var imported = await ImportIntoFreshStoreAsync();
        Guid[] twins = [news, campaign];
        Assert.Equal(2, await imported.ContentNodes.CountAsync(n => twins.Contains(n.Key)));
    }

    private static readonly Guid Campaigns = Guid.Parse("c7a746fd-2b71-5fb1-8c26-92c08af7768b");

    /// <summary>The bytes <c>usync export --content</c> writes for a file, from the host's store as it is now.</summary>
    private async Task<byte[]> ExportedAsync(string path)
    {
        var set = await host.WithStoreAsync(async db => (await new StoreSetReader(db).ReadAsync()).ToSet(ContentVersion.Draft));
        return new UsyncFolderWriter().Render(set, UsyncWriteOptions.SchemaAndContent).Single(f => f.Path == path).Bytes;
    }

    /// <summary>A new store with the host's uSync folder imported into it, as a first boot would; the caller disposes it.</summary>
    private async Task<HubDbContext> ImportIntoFreshStoreAsync()
    {
        var database = Path.Combine(host.Scratch.Path, $"reimport-{Guid.NewGuid():N}.sqlite.db");
        var db = new HubDbContext(new DbContextOptionsBuilder<HubDbContext>().UseSqlite($"Data Source={database};Pooling=False").Options);
        await db.Database.MigrateAsync();
        var result = await new UsyncImporter(db, NullLogger<UsyncImporter>.Instance).ImportAsync(host.UsyncFolder, "All", force: true);
        Assert.True(result.Outcome == ImportOutcome.Imported, string.Join("; ", result.Problems));
        db.ChangeTracker.Clear();
        return db;
    }

    private static Task<Guid> CreateNewsAsync(HttpClient client, string name) =>
        CreateAsync(client, FreedomOfExpression, HubContentTypes.CampaignNews.Alias, name);

    private static async Task<Guid> CreateAsync(HttpClient client, Guid parent, string contentType, string name)
    {
        var page = await client.GetStringAsync($"/umbraco/content/create?parent={parent:D}");
        var token = new HtmlParser().ParseDocument(page).QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await client.PostAsync("/umbraco/content/create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["parent"] = parent.ToString("D"),
            ["contentType"] = contentType,
            ["name"] = name,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('?')[0].Split('/')[^1]);
    }
}
