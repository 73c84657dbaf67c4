using System.Text.Json;
using IcssiCms.Core.Schema;
using IcssiCms.Store.Importing;
using IcssiCms.Store.Reading;
using IcssiCms.UnitTests.Support;
using IcssiCms.Usync;
using IcssiCms.Usync.Model;
using Microsoft.EntityFrameworkCore;

namespace IcssiCms.UnitTests.Usync.Forms;

/// <summary>Forms and dictionary items through the importer into a real SQLite store, and back out with <see cref="StoreFormReader"/>.</summary>
public sealed class FormsImportTests : IAsyncLifetime
{
    private readonly TempUsyncFolder _folder = new();
    private TempStore _store = null!;

    public async Task InitializeAsync() => _store = await TempStore.CreateAsync(_folder.Root);

    public Task DisposeAsync()
    {
        _store?.Release();
        _folder.Dispose();
        return Task.CompletedTask;
    }

    private async Task<FormSchema> ReadBackAsync()
    {
        await using var db = _store.NewContext();
        return await StoreFormReader.ReadAsync(db, CancellationToken.None);
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);

    [Fact]
    public async Task A_Cold_Import_Writes_Both_Forms_And_Every_Dictionary_Item()
    {
        var result = await _store.ImportAsync(_folder.Path);

        Assert.Equal(ImportOutcome.Imported, result.Outcome);
        var dictionaryFiles = HubFolder.FilesOf(UsyncHandlers.Dictionary.Folder).Count;
        Assert.Equal((dictionaryFiles, 2), (result.Counts.Dictionary, result.Counts.Forms));

        await using var db = _store.NewContext();
        Assert.Equal(["campaignSignUp", "icssiConference2014Registration"], await db.Forms.OrderBy(f => f.Alias).Select(f => f.Alias).ToListAsync());
        Assert.Equal(dictionaryFiles, await db.DictionaryItems.CountAsync());
        var registration = await db.Forms.SingleAsync(f => f.Key == FormFiles.RegistrationKey);
        Assert.Equal("ICSSI Conference 2014 registration", registration.Name);
        using var definition = JsonDocument.Parse(registration.Definition);
        Assert.Equal("icssiConference2014Registration", definition.RootElement.GetProperty("Alias").GetString());

        var visa = await db.DictionaryItems.SingleAsync(d => d.ItemKey == "Forms.SchengenVisa.Notice");
        Assert.Equal(("Forms.SchengenVisa", 2), (visa.ParentItemKey, visa.Level));
        var translations = JsonSerializer.Deserialize<Dictionary<string, string>>(visa.Translations)!;
        Assert.Equal([HubCultures.Arabic, HubCultures.English], translations.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("Please notice that ICSSI cannot support participants", translations[HubCultures.English], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Store_Gives_Back_The_Forms_And_Dictionary_It_Was_Given()
    {
        await _store.ImportAsync(_folder.Path);

        var schema = await ReadBackAsync();

        var set = HubFolder.Set;
        Assert.Equal(
            set.Forms.OrderBy(f => f.Key).Select(Json),
            schema.Forms.OrderBy(f => f.Key).Select(Json));
        Assert.Equal(
            set.Dictionary.OrderBy(d => d.Key).Select(d => Json(d with { Source = new SourceLocation("store", 0) })),
            schema.Dictionary.OrderBy(d => d.Key).Select(Json));

        var registration = schema.Forms.Single(f => f.Key == FormFiles.RegistrationKey);
        var original = set.Forms.Single(f => f.Key == FormFiles.RegistrationKey);
        Assert.Equal(original.Fields.Select(f => f.Alias), registration.Fields.Select(f => f.Alias));
        Assert.Equal(original.Source, registration.Source);
        Assert.Equal(original.Settings, registration.Settings);
        Assert.Equal(original.Fields.Single(f => f.Alias == "roleOther").Condition!.Rules, registration.Fields.Single(f => f.Alias == "roleOther").Condition!.Rules);
        Assert.Equal("Activist", schema.Dictionary.Single(d => d.Alias == "Forms.Role.Activist").Translations[HubCultures.English]);
    }

    [Fact]
    public async Task The_Store_Set_Reader_Includes_Forms_And_Dictionary()
    {
        await _store.ImportAsync(_folder.Path);

        await using var db = _store.NewContext();
        var set = (await new StoreSetReader(db).ReadAsync()).ToSet(ContentVersion.Published);

        Assert.Equal(2, set.Forms.Count);
        Assert.Equal(HubFolder.Set.Dictionary.Count, set.Dictionary.Count);
    }

    [Fact]
    public async Task Changing_A_Form_Reimports_Only_That_Form()
    {
        await _store.ImportAsync(_folder.Path);
        _folder.EditField(FormFiles.CampaignSignUp, "country", f => f["mandatory"] = false);

        var result = await _store.ImportAsync(_folder.Path);

        Assert.Equal(ImportOutcome.Imported, result.Outcome);
        Assert.Equal((0, 1, 0), (result.Counts.Dictionary, result.Counts.Forms, result.Counts.Content));
        var campaign = (await ReadBackAsync()).Forms.Single(f => f.Alias == "campaignSignUp");
        Assert.False(campaign.Fields.Single(f => f.Alias == "country").Mandatory);
    }

    [Fact]
    public async Task Changing_A_Translation_Updates_The_Dictionary_Item()
    {
        await _store.ImportAsync(_folder.Path);
        _folder.Replace("Dictionary/forms.signup.config", ">Sign up<", ">Sign me up<");

        var result = await _store.ImportAsync(_folder.Path);

        Assert.Equal((1, 0), (result.Counts.Dictionary, result.Counts.Forms));
        var item = (await ReadBackAsync()).Dictionary.Single(d => d.Alias == "Forms.SignUp");
        Assert.Equal("Sign me up", item.Translations[HubCultures.English]);
        Assert.Equal("اشترك", item.Translations[HubCultures.Arabic]);
    }

    [Fact]
    public async Task A_Form_Found_By_Alias_Under_Another_Key_Takes_The_Files_Key()
    {
        await _store.ImportAsync(_folder.Path);
        var campaign = HubFolder.Set.Forms.Single(f => f.Alias == "campaignSignUp");
        var newKey = Guid.NewGuid();
        _folder.Replace(FormFiles.CampaignSignUp, $"Key=\"{campaign.Key}\"", $"Key=\"{newKey}\"");
        _folder.Replace(FormFiles.Campaigns, campaign.Key.ToString(), newKey.ToString());

        var result = await _store.ImportAsync(_folder.Path);

        Assert.Equal(ImportOutcome.Imported, result.Outcome);
        await using var db = _store.NewContext();
        Assert.Equal(newKey, (await db.Forms.SingleAsync(f => f.Alias == "campaignSignUp")).Key);
        Assert.Equal(2, await db.Forms.CountAsync());
    }

    [Fact]
    public async Task Delete_Markers_Delete_A_Form_And_A_Dictionary_Item()
    {
        await _store.ImportAsync(_folder.Path);
        var campaign = HubFolder.Set.Forms.Single(f => f.Alias == "campaignSignUp");
        var signUp = HubFolder.Set.Dictionary.Single(d => d.Alias == "Forms.SignUp");
        _folder.WriteEmptyMarker(FormFiles.CampaignSignUp, campaign.Key, campaign.Alias, "Delete");
        _folder.WriteEmptyMarker(signUp.Source.File, signUp.Key, signUp.Alias, "Delete");
        _folder.Replace(FormFiles.Campaigns, $"    <signUpForm>\n      <Value><![CDATA[{campaign.Key}]]></Value>\n    </signUpForm>\n", string.Empty);

        var result = await _store.ImportAsync(_folder.Path);

        Assert.Equal(ImportOutcome.Imported, result.Outcome);
        Assert.Equal(2, result.Counts.Deleted);
        var schema = await ReadBackAsync();
        Assert.Equal(["icssiConference2014Registration"], schema.Forms.Select(f => f.Alias));
        Assert.DoesNotContain(schema.Dictionary, d => d.Key == signUp.Key);
        Assert.Equal(HubFolder.Set.Dictionary.Count - 1, schema.Dictionary.Count);
    }

    [Fact]
    public async Task A_Refused_Form_Leaves_The_Stored_Forms_As_They_Were()
    {
        await _store.ImportAsync(_folder.Path);
        var before = (await ReadBackAsync()).Forms.Select(Json).ToList();
        _folder.EditField(FormFiles.CampaignSignUp, "consent", f => f["mandatory"] = false);
        _folder.Replace("Dictionary/forms.signup.config", ">Sign up<", ">Sign me up<");

        var result = await _store.ImportAsync(_folder.Path);

        Assert.Equal(ImportOutcome.Refused, result.Outcome);
        var after = await ReadBackAsync();
        Assert.Equal(before, after.Forms.Select(Json));
        Assert.Equal("Sign up", after.Dictionary.Single(d => d.Alias == "Forms.SignUp").Translations[HubCultures.English]);
    }

    [Fact]
    public async Task A_Forms_Group_Import_Writes_Only_The_Forms()
    {
        var result = await _store.ImportAsync(_folder.Path, UsyncHandlers.FormsGroup);

        Assert.Equal(ImportOutcome.Imported, result.Outcome);
        Assert.Equal((2, 0, 0, 0), (result.Counts.Forms, result.Counts.Dictionary, result.Counts.Content, result.Counts.Languages));
        var schema = await ReadBackAsync();
        Assert.Equal(2, schema.Forms.Count);
        Assert.Empty(schema.Dictionary);
    }
}
