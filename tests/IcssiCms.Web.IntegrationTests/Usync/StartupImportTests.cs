using System.Net.Http.Json;
using System.Text.Json;
using IcssiCms.Core.Forms;
using IcssiCms.Core.Usync.Importing;
using IcssiCms.Usync;
using IcssiCms.Usync.Model;
using IcssiCms.Web.IntegrationTests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Umbraco.Cms.Core.Services;

namespace IcssiCms.Web.IntegrationTests.Usync;

/// <summary>
/// A new site imports the repository's uSync folder on its first start, through Umbraco's services: what visitors and
/// editors then find in Umbraco is what the files say.
/// </summary>
[Collection(SeededSiteCollection.Name)]
public sealed class StartupImportTests(HubSite site)
{
    private static readonly UsyncSet Folder = new UsyncFolderReader().Read(HubSite.RepositoryUsyncFolder).Set;

    [Fact]
    public void The_First_Start_Imports_Every_File_Of_The_Folder()
    {
        var import = site.StartupImport;

        Assert.NotNull(import);
        Assert.Equal(UsyncImportOutcome.Imported, import.Outcome);
        Assert.Equal(Folder.Files.Count, import.Files);
        Assert.Equal(Folder.Content.Count, import.WrittenOf(UsyncItemType.Content));
        Assert.Equal(Folder.ContentTypes.Count, import.WrittenOf(UsyncItemType.ContentType));
        Assert.Equal(Folder.DataTypes.Count, import.WrittenOf(UsyncItemType.DataType));
        Assert.Equal(Folder.Dictionary.Count, import.WrittenOf(UsyncItemType.Dictionary));
        Assert.Equal(Folder.Forms.Count, import.WrittenOf(UsyncItemType.Form));
    }

    [Fact]
    public async Task The_Health_Endpoint_Says_The_Import_Is_Done()
    {
        using var http = site.CreateClient();

        using var health = await http.GetAsync("/healthz");
        var body = await health.Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(health.IsSuccessStatusCode, body.ToString());
        var check = body.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == UsyncImportHealthCheck.Name);
        Assert.Equal("Healthy", check.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_Languages_Are_English_By_Default_Arabic_And_Sorani_Kurdish_Falling_Back_To_English()
    {
        var languages = (await site.Services.GetRequiredService<ILanguageService>().GetAllAsync()).ToDictionary(l => l.IsoCode);

        Assert.Equal(["ar", "ckb", "en-US"], languages.Keys.Order());
        Assert.True(languages["en-US"].IsDefault);
        Assert.Equal("en-US", languages["ar"].FallbackIsoCode);
        Assert.Equal("en-US", languages["ckb"].FallbackIsoCode);
        Assert.Equal("Central Kurdish", languages["ckb"].CultureName);
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("ar")]
    public async Task The_Six_Campaigns_Are_Served_In_Their_Order_With_Their_Names(string culture)
    {
        var expected = Folder.Content.Where(c => c.ContentTypeAlias == "campaign").OrderBy(c => c.SortOrder).Select(c => c.NameIn(culture)).ToList();

        var campaigns = await QueryAsync(culture, "fetch=children:c7a746fd-2b71-5fb1-8c26-92c08af7768b&sort=sortOrder:asc");

        Assert.Equal(6, expected.Count);
        Assert.Equal(expected, campaigns.Select(c => c.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task The_Conferences_And_Partners_Are_Served()
    {
        var conferences = await QueryAsync("en-US", "filter=contentType:conference&sort=eventDate:asc");
        var partners = await QueryAsync("en-US", "filter=contentType:partner");

        Assert.Equal(["ICSSI Conference 2014", "Globalization Conference 2014"], conferences.Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(
            Folder.Content.Where(c => c.ContentTypeAlias == "partner").Select(c => c.Name).Order(),
            partners.Select(p => p.GetProperty("name").GetString()!).Order());
    }

    [Fact]
    public async Task Arabic_Routes_Are_Made_From_The_Arabic_Names()
    {
        using var http = site.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/umbraco/delivery/api/v2/content/item/a9ff1064-cf1a-5661-b800-7b3fcfa41fa9");
        request.Headers.Add("Accept-Language", "ar");

        using var response = await http.SendAsync(request);
        var campaign = await response.Content.ReadFromJsonAsync<JsonElement>();
        var route = campaign.GetProperty("route").GetProperty("path").GetString()!;

        Assert.Equal("أنقذوا نهر دجلة", campaign.GetProperty("name").GetString());
        Assert.EndsWith("/أنقذوا-نهر-دجلة/", route);
        using var byRoute = new HttpRequestMessage(HttpMethod.Get, "/umbraco/delivery/api/v2/content/item" + string.Join('/', route.Split('/').Select(Uri.EscapeDataString)));
        byRoute.Headers.Add("Accept-Language", "ar");
        using var found = await http.SendAsync(byRoute);
        Assert.True(found.IsSuccessStatusCode, route);
    }

    [Fact]
    public void Each_Property_Has_Its_Own_Data_Type_And_Each_Type_Its_Compositions()
    {
        var types = site.Services.GetRequiredService<IContentTypeService>().GetAll().ToDictionary(t => t.Alias);

        foreach (var file in Folder.ContentTypes)
        {
            var type = types[file.Alias];
            Assert.Equal(file.Compositions.Select(c => c.Alias).Order(), type.ContentTypeComposition.Select(c => c.Alias).Order());
            Assert.Equal(file.AllowedChildren.Select(c => c.Alias).Order(), (type.AllowedContentTypes ?? []).Select(c => c.Alias).Order());
            foreach (var property in file.Properties)
            {
                Assert.Equal(property.DataTypeKey, type.PropertyTypes.Single(p => p.Alias == property.Alias).DataTypeKey);
            }
        }
    }

    [Fact]
    public async Task The_Dictionary_And_The_Forms_Are_Imported()
    {
        var email = await site.Services.GetRequiredService<IDictionaryItemService>().GetAsync("Forms.Email");
        var forms = site.Services.GetRequiredService<HubForms>().GetAll();

        Assert.NotNull(email);
        Assert.Equal("عنوان البريد الإلكتروني", email.Translations.Single(t => t.LanguageIsoCode == "ar").Value);
        Assert.Equal(Folder.Forms.Select(f => f.Key).Order(), forms.Select(f => f.Key).Order());
    }

    private async Task<IReadOnlyList<JsonElement>> QueryAsync(string culture, string query)
    {
        using var http = site.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/umbraco/delivery/api/v2/content?" + query);
        request.Headers.Add("Accept-Language", culture);
        using var response = await http.SendAsync(request);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. page.GetProperty("items").EnumerateArray()];
    }
}
