using System.Xml.Linq;
using IcssiCms.Core.Usync.Exporting;
using IcssiCms.Usync.Writing;
using IcssiCms.Web.IntegrationTests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Services;

namespace IcssiCms.Web.IntegrationTests.Usync;

/// <summary>
/// uSync's <c>ExportOnSave</c>: a change saved in Umbraco (as the back office saves it, through Umbraco's services) writes
/// the item's file in the site's uSync folder, exactly as a full export writes it.
/// </summary>
[Collection(ChangingSiteCollection.Name)]
public sealed class ExportOnSaveTests(ChangingSite site)
{
    private IContentService Content => site.Services.GetRequiredService<IContentService>();

    [Fact]
    public async Task Saving_And_Publishing_Content_Writes_Its_File_As_The_Export_Writes_It()
    {
        var campaign = Content.GetById(Guid.Parse("64740a9d-7c7f-56e3-a87f-e94307f60cb7"))!;
        var summary = "Freedom of Expression, saved in the back office " + Guid.NewGuid().ToString("N")[..8];
        campaign.SetValue("summary", summary, "en-US");

        Assert.True(Content.SaveAndPublish(campaign, ["en-US"]).Success);

        var file = await File.ReadAllTextAsync(Path.Combine(site.UsyncFolder, "Content", "freedom-of-expression.config"));
        Assert.Contains(summary, file);
        Assert.Equal(await ExportedAsync("Content/freedom-of-expression.config"), await File.ReadAllBytesAsync(Path.Combine(site.UsyncFolder, "Content", "freedom-of-expression.config")));
    }

    [Fact]
    public async Task Renaming_Content_Writes_It_Under_Its_New_Name_And_Marks_The_Old_File_Renamed()
    {
        var campaign = Content.GetById(Guid.Parse("29bd0643-4a35-5952-9f5f-c230f47c7251"))!;
        campaign.SetCultureName("Sports Against Violence Renamed", "en-US");

        Assert.True(Content.SaveAndPublish(campaign, ["en-US"]).Success);

        var renamed = Path.Combine(site.UsyncFolder, "Content", "sports-against-violence-renamed.config");
        Assert.Equal(await ExportedAsync("Content/sports-against-violence-renamed.config"), await File.ReadAllBytesAsync(renamed));
        var old = XDocument.Load(Path.Combine(site.UsyncFolder, "Content", "sports-against-violence.config")).Root!;
        Assert.Equal("Empty", old.Name.LocalName);
        Assert.Equal("Rename", old.Attribute("Change")?.Value);
        Assert.Equal(campaign.Key, Guid.Parse(old.Attribute("Key")!.Value));
    }

    [Fact]
    public void Deleting_Content_Turns_Its_File_Into_A_Delete_Marker()
    {
        var item = Content.Create("Export on save, then deleted", Guid.Parse("a9ff1064-cf1a-5661-b800-7b3fcfa41fa9"), "campaignNews");
        item.SetCultureName(item.Name, "en-US");
        Assert.True(Content.Save(item).Success);
        var file = Path.Combine(site.UsyncFolder, "Content", "export-on-save-then-deleted.config");
        Assert.Equal("Content", XDocument.Load(file).Root!.Name.LocalName);

        Assert.True(Content.Delete(Content.GetById(item.Key)!).Success);

        var marker = XDocument.Load(file).Root!;
        Assert.Equal("Empty", marker.Name.LocalName);
        Assert.Equal("Delete", marker.Attribute("Change")?.Value);
        Assert.Equal(item.Key, Guid.Parse(marker.Attribute("Key")!.Value));
    }

    [Fact]
    public async Task Saving_A_Data_Type_Writes_Its_File()
    {
        var dataTypes = site.Services.GetRequiredService<IDataTypeService>();
        var status = (await dataTypes.GetAsync(Guid.Parse("12fcad03-ba70-5208-b775-9c7e92f4392f")))!;
        status.ConfigurationData["items"] = new[] { "Active", "Paused", "Concluded", "Archived" };

        Assert.True((await dataTypes.UpdateAsync(status, Constants.Security.SuperUserKey)).Success);

        var file = await File.ReadAllBytesAsync(Path.Combine(site.UsyncFolder, "DataTypes", "DropdownCampaignStatus.config"));
        Assert.Contains("Archived", System.Text.Encoding.UTF8.GetString(file));
        Assert.Equal(await ExportedAsync("DataTypes/DropdownCampaignStatus.config"), file);
    }

    [Fact]
    public async Task Moving_Content_To_The_Recycle_Bin_Marks_Its_File_Trashed_And_Emptying_The_Bin_Marks_It_Deleted()
    {
        var item = Content.Create("Export on save, then binned", FreedomOfExpression, "campaignNews");
        item.SetCultureName(item.Name, "en-US");
        Assert.True(Content.Save(item).Success);
        const string path = "Content/export-on-save-then-binned.config";

        Assert.True(Content.MoveToRecycleBin(Content.GetById(item.Key)!).Success);

        var trashed = await File.ReadAllBytesAsync(Path.Combine(site.UsyncFolder, path));
        Assert.Equal("true", XDocument.Load(new MemoryStream(trashed)).Root!.Element("Info")!.Element("Trashed")!.Value);
        Assert.Equal(await ExportedAsync(path), trashed);

        Assert.True((await Content.EmptyRecycleBinAsync(Constants.Security.SuperUserKey)).Success);

        var marker = XDocument.Load(Path.Combine(site.UsyncFolder, path)).Root!;
        Assert.Equal("Empty", marker.Name.LocalName);
        Assert.Equal("Delete", marker.Attribute("Change")?.Value);
        Assert.Equal(item.Key, Guid.Parse(marker.Attribute("Key")!.Value));
        Assert.Empty(Directory.EnumerateFiles(site.UsyncFolder, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task An_Item_That_Takes_The_Name_Of_Another_Items_File_Moves_That_Item_To_Its_Own_New_Name()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var name = "Twin " + suffix;
        var news = Content.Create(name, FreedomOfExpression, "campaignNews");
        news.SetCultureName(name, "en-US");
        Assert.True(Content.Save(news).Success);
        var plain = $"Content/twin-{suffix}.config";
        Assert.Equal(news.Key, KeyIn(plain));

        // A campaign is a level above the news, so the export names it first: it gets the plain name, the news the key suffix.
        var campaign = Content.Create(name, Campaigns, "campaign");
        campaign.SetCultureName(name, "en-US");
        Assert.True(Content.Save(campaign).Success);

        var suffixed = $"Content/twin-{suffix}_{UsyncFileNames.ShortKey(news.Key)}.config";
        Assert.Equal(campaign.Key, KeyIn(plain));
        Assert.Equal(news.Key, KeyIn(suffixed));
        Assert.Equal(await ExportedAsync(plain), await File.ReadAllBytesAsync(Path.Combine(site.UsyncFolder, plain)));
        Assert.Equal(await ExportedAsync(suffixed), await File.ReadAllBytesAsync(Path.Combine(site.UsyncFolder, suffixed)));
        Assert.Empty(Directory.EnumerateFiles(site.UsyncFolder, "*.tmp", SearchOption.AllDirectories));
    }

    private static readonly Guid FreedomOfExpression = Guid.Parse("64740a9d-7c7f-56e3-a87f-e94307f60cb7");
    private static readonly Guid Campaigns = Guid.Parse("c7a746fd-2b71-5fb1-8c26-92c08af7768b");

    private Guid KeyIn(string path) => Guid.Parse(XDocument.Load(Path.Combine(site.UsyncFolder, path)).Root!.Attribute("Key")!.Value);

    /// <summary>The file a full export of the site writes now, at that path.</summary>
    private async Task<byte[]> ExportedAsync(string path)
    {
        var folder = Path.Combine(site.ContentRoot, "export-" + Guid.NewGuid().ToString("N")[..8]);
        await site.Services.GetRequiredService<UsyncExporter>().ExportAsync(folder, UsyncWriteOptions.SchemaAndContent);
        return await File.ReadAllBytesAsync(Path.Combine(folder, path));
    }
}
