using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using IcssiCms.Core.Forms;
using IcssiCms.Core.Usync.Importing;
using IcssiCms.Usync.Model;
using IcssiCms.Web.IntegrationTests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using IcssiCms.Web.IntegrationTests.Delivery;
using Umbraco.Cms.Core.Services;

namespace IcssiCms.Web.IntegrationTests.Usync;

/// <summary>
/// Importing again, as a deploy does: only the files that changed since the last import are imported, and a folder with
/// a problem is refused whole, changing nothing. Each test imports its own copy of the repository's folder; a test that
/// changes the site imports the repository's folder again at its end, for the tests after it.
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

    [Fact]
    public async Task A_Renamed_Parent_Takes_The_Routes_Of_Its_Children_In_That_Language_Only()
    {
        HubSite.CopyFolder(HubSite.RepositoryUsyncFolder, _folder);
        var arabicBefore = await RouteAsync(SaveTheTigrisKey, "ar");
        Replace("Content/campaigns.config", "<Name Culture=\"en-US\">Campaigns</Name>", "<Name Culture=\"en-US\">Our Campaigns</Name>");

        var result = await Importer.ImportAsync(_folder, "All");

        Assert.Equal(UsyncImportOutcome.Imported, result.Outcome);
        Assert.Equal(1, result.WrittenOf(UsyncItemType.Content));
        Assert.Equal("/our-campaigns/save-the-tigris/", await RouteAsync(SaveTheTigrisKey, "en-US"));
        Assert.Equal("/our-campaigns/workers-rights/", await RouteAsync(WorkersRightsKey, "en-US"));
        Assert.Equal(arabicBefore, await RouteAsync(SaveTheTigrisKey, "ar"));

        await ImportTheRepositorysFolderAsync();
        Assert.Equal("/campaigns/save-the-tigris/", await RouteAsync(SaveTheTigrisKey, "en-US"));
    }

    [Fact]
    public async Task An_Arabic_Culture_The_File_Says_Is_Not_Published_Is_Taken_Out_In_Arabic_Only()
    {
        HubSite.CopyFolder(HubSite.RepositoryUsyncFolder, _folder);
        const string file = "Content/stop-private-military-and-security-companies.config";
        var campaign = Guid.Parse("803113fb-67d1-50b7-8430-4a01bd350613");
        Assert.Equal(HttpStatusCode.OK, await DeliveryStatusAsync(campaign, "ar"));
        Replace(file, "<Published Culture=\"ar\">true</Published>", "<Published Culture=\"ar\">false</Published>");

        var result = await Importer.ImportAsync(_folder, "All");

        Assert.Equal(UsyncImportOutcome.Imported, result.Outcome);
        Assert.Equal(HttpStatusCode.NotFound, await DeliveryStatusAsync(campaign, "ar"));
        Assert.Equal(HttpStatusCode.OK, await DeliveryStatusAsync(campaign, "en-US"));
        Assert.False(Content.GetById(campaign)!.IsCulturePublished("ar"));

        await ImportTheRepositorysFolderAsync();
        Assert.Equal(HttpStatusCode.OK, await DeliveryStatusAsync(campaign, "ar"));
    }

    [Fact]
    public async Task A_Delete_Marker_Deletes_The_Item_With_Its_Descendants()
    {
        var campaign = Content.Create("Campaign a deploy deletes", Guid.Parse("c7a746fd-2b71-5fb1-8c26-92c08af7768b"), "campaign");
        campaign.SetCultureName(campaign.Name, "en-US");
        Assert.True(Content.Save(campaign).Success);
        var news = Content.Create("News of a campaign a deploy deletes", campaign.Key, "campaignNews");
        news.SetCultureName(news.Name, "en-US");
        Assert.True(Content.Save(news).Success);
        HubSite.CopyFolder(HubSite.RepositoryUsyncFolder, _folder);
        WriteDeleteMarker("Content/campaign-a-deploy-deletes.config", campaign.Key, campaign.Name!);

        var result = await Importer.ImportAsync(_folder, "All");

        Assert.Equal(UsyncImportOutcome.Imported, result.Outcome);
        Assert.Equal(1, result.Deleted);
        Assert.Null(Content.GetById(campaign.Key));
        Assert.Null(Content.GetById(news.Key));
        Assert.NotNull(Content.GetById(SaveTheTigrisKey));

        await ImportTheRepositorysFolderAsync();
    }

    [Fact]
    public async Task A_Settings_Import_Writes_Only_The_Schema_And_A_Later_Full_Import_Only_The_Content()
    {
        HubSite.CopyFolder(HubSite.RepositoryUsyncFolder, _folder);
        var summary = $"Workers' Rights, summary changed beside the schema {Guid.NewGuid():N}";
        Replace(WorkersRights, "One of the major campaigns of the Iraqi Social Forum", summary);
        Replace("DataTypes/MNTPCampaigns.config", "\"maxNumber\": 0,", "\"maxNumber\": 20,");

        var settings = await Importer.ImportAsync(_folder, "Settings");

        Assert.Equal(UsyncImportOutcome.Imported, settings.Outcome);
        Assert.Equal(1, settings.WrittenOf(UsyncItemType.DataType));
        Assert.Equal(0, settings.WrittenOf(UsyncItemType.Content));
        Assert.Equal(20, Convert.ToInt32((await DataTypes.GetAsync(CampaignsPicker))!.ConfigurationData["maxNumber"]));
        Assert.DoesNotContain(summary, await SummaryAsync(WorkersRightsKey));

        var all = await Importer.ImportAsync(_folder, "All");

        Assert.Equal(UsyncImportOutcome.Imported, all.Outcome);
        Assert.Equal(0, all.WrittenOf(UsyncItemType.DataType));
        Assert.Equal(1, all.WrittenOf(UsyncItemType.Content));
        Assert.StartsWith(summary, await SummaryAsync(WorkersRightsKey));

        await ImportTheRepositorysFolderAsync();
        Assert.Equal(0, Convert.ToInt32((await DataTypes.GetAsync(CampaignsPicker))!.ConfigurationData["maxNumber"]));
    }

    [Fact]
    public async Task A_Missing_Folder_Is_Refused_Naming_It()
    {
        var result = await Importer.ImportAsync(_folder, "All");

        Assert.Equal(UsyncImportOutcome.Refused, result.Outcome);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(_folder, problem.Source.File);
        Assert.Contains("does not exist", problem.Message);
        Assert.Empty(result.Written);
    }

    [Fact]
    public async Task A_Changed_Form_And_Translation_Are_Imported_And_Their_Delete_Markers_Delete_Them()
    {
        HubSite.CopyFolder(HubSite.RepositoryUsyncFolder, _folder);
        Replace(CampaignSignUpFile, "<Name>Campaign sign-up</Name>", "<Name>Campaign sign-up, renamed</Name>");
        Replace(SignUpFile, ">Sign up<", ">Sign me up<");

        var changed = await Importer.ImportAsync(_folder, "All");

        Assert.Equal(UsyncImportOutcome.Imported, changed.Outcome);
        Assert.Equal((1, 1, 0), (changed.WrittenOf(UsyncItemType.Form), changed.WrittenOf(UsyncItemType.Dictionary), changed.WrittenOf(UsyncItemType.Content)));
        Assert.Equal("Campaign sign-up, renamed", Forms.Get(CampaignSignUpKey)!.Name);
        var signUp = (await Dictionary.GetAsync("Forms.SignUp"))!;
        Assert.Equal("Sign me up", signUp.Translations.Single(t => t.LanguageIsoCode == "en-US").Value);
        Assert.Equal("اشترك", signUp.Translations.Single(t => t.LanguageIsoCode == "ar").Value);

        WriteDeleteMarker(CampaignSignUpFile, CampaignSignUpKey, "campaignSignUp");
        WriteDeleteMarker(SignUpFile, signUp.Key, "Forms.SignUp");
        Replace("Content/campaigns.config", $"    <signUpForm>\n      <Value><![CDATA[{CampaignSignUpKey}]]></Value>\n    </signUpForm>\n", string.Empty);

        var deleted = await Importer.ImportAsync(_folder, "All");

        Assert.Equal(UsyncImportOutcome.Imported, deleted.Outcome);
        Assert.Equal(2, deleted.Deleted);
        Assert.Null(Forms.Get(CampaignSignUpKey));
        Assert.Null(await Dictionary.GetAsync("Forms.SignUp"));
        Assert.NotNull(Forms.Get(RegistrationFormKey));

        await ImportTheRepositorysFolderAsync();
        Assert.Equal("Campaign sign-up", Forms.Get(CampaignSignUpKey)!.Name);
        Assert.Equal("Sign up", (await Dictionary.GetAsync("Forms.SignUp"))!.Translations.Single(t => t.LanguageIsoCode == "en-US").Value);
    }

    [Fact]
    public async Task A_Form_Found_By_Its_Alias_Under_Another_Key_Takes_The_Key_Of_Its_File()
    {
        HubSite.CopyFolder(HubSite.RepositoryUsyncFolder, _folder);
        var newKey = Guid.NewGuid();
        Replace(CampaignSignUpFile, $"Key=\"{CampaignSignUpKey}\"", $"Key=\"{newKey}\"");
        Replace("Content/campaigns.config", CampaignSignUpKey.ToString(), newKey.ToString());

        var result = await Importer.ImportAsync(_folder, "All");

        Assert.Equal(UsyncImportOutcome.Imported, result.Outcome);
        Assert.Equal(newKey, Assert.Single(Forms.GetAll(), f => f.Alias == "campaignSignUp").Key);
        Assert.Equal(2, Forms.GetAll().Count);

        await ImportTheRepositorysFolderAsync();
        Assert.Equal(CampaignSignUpKey, Assert.Single(Forms.GetAll(), f => f.Alias == "campaignSignUp").Key);
    }

    [Fact]
    public async Task A_Forms_Import_Writes_Only_The_Forms()
    {
        HubSite.CopyFolder(HubSite.RepositoryUsyncFolder, _folder);
        var summary = $"Workers' Rights, summary changed beside a form {Guid.NewGuid():N}";
        Replace(WorkersRights, "One of the major campaigns of the Iraqi Social Forum", summary);
        Replace(CampaignSignUpFile, "<Name>Campaign sign-up</Name>", "<Name>Campaign sign-up, from the forms</Name>");

        var result = await Importer.ImportAsync(_folder, "Forms");

        Assert.Equal(UsyncImportOutcome.Imported, result.Outcome);
        Assert.Equal([UsyncItemType.Form], result.Written.Where(w => w.Value > 0).Select(w => w.Key));
        Assert.Equal(1, result.WrittenOf(UsyncItemType.Form));
        Assert.Equal("Campaign sign-up, from the forms", Forms.Get(CampaignSignUpKey)!.Name);
        Assert.DoesNotContain(summary, await SummaryAsync(WorkersRightsKey));

        await ImportTheRepositorysFolderAsync();
        Assert.Equal("Campaign sign-up", Forms.Get(CampaignSignUpKey)!.Name);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private const string CampaignSignUpFile = "Forms/campaign-sign-up.config";
    private const string SignUpFile = "Dictionary/forms.signup.config";
    private static readonly Guid CampaignSignUpKey = Guid.Parse("c1ba64a9-0c59-55ff-afd6-100da39726b5");
    private static readonly Guid RegistrationFormKey = Guid.Parse("0c3e8f0a-6a35-4f0e-9d3b-2a1e5c7b9d41");
    private static readonly Guid SaveTheTigrisKey = Guid.Parse("a9ff1064-cf1a-5661-b800-7b3fcfa41fa9");
    private static readonly Guid CampaignsPicker = Guid.Parse("781b00e7-1dd2-5480-9ba9-fbce7b873b6c");

    private IContentService Content => site.Services.GetRequiredService<IContentService>();

    private IDataTypeService DataTypes => site.Services.GetRequiredService<IDataTypeService>();

    private IDictionaryItemService Dictionary => site.Services.GetRequiredService<IDictionaryItemService>();

    private HubForms Forms => site.Services.GetRequiredService<HubForms>();

    /// <summary>Imports a fresh copy of the repository's folder: the site as the tests after this one expect it.</summary>
    private async Task ImportTheRepositorysFolderAsync()
    {
        var repository = Path.Combine(site.ContentRoot, "repository-" + Guid.NewGuid().ToString("N")[..8]);
        HubSite.CopyFolder(HubSite.RepositoryUsyncFolder, repository);
        try
        {
            var result = await Importer.ImportAsync(repository, "All");
            Assert.True(result.Succeeded, string.Join("; ", result.Problems.Select(p => $"{p.Source.File}:{p.Source.Line}: {p.Message}")));
        }
        finally
        {
            Directory.Delete(repository, recursive: true);
        }
    }

    private void WriteDeleteMarker(string file, Guid key, string alias) =>
        new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("Empty", new XAttribute("Key", key), new XAttribute("Alias", alias), new XAttribute("Change", "Delete")))
            .Save(Path.Combine(_folder, file));

    private async Task<string> RouteAsync(Guid key, string culture)
    {
        using var response = await new DeliveryApiClient(site.CreateClient()).SendAsync(DeliveryApiClient.ItemByIdUrl(key), culture);
        var item = await DeliveryApiClient.ReadJsonAsync(response, HttpStatusCode.OK);
        return item.GetProperty("route").GetProperty("path").GetString()!;
    }

    private async Task<HttpStatusCode> DeliveryStatusAsync(Guid key, string culture)
    {
        using var response = await new DeliveryApiClient(site.CreateClient()).SendAsync(DeliveryApiClient.ItemByIdUrl(key), culture);
        return response.StatusCode;
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
