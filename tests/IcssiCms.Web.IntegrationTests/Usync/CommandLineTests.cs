using System.Xml.Linq;
using IcssiCms.Usync.Cli;
using IcssiCms.Usync.Model;
using IcssiCms.Usync.Planning;
using IcssiCms.Web.IntegrationTests.Delivery;
using IcssiCms.Web.IntegrationTests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Services;

namespace IcssiCms.Web.IntegrationTests.Usync;

/// <summary>
/// <c>usync plan</c>, <c>apply</c> and <c>export</c> against a running Umbraco site over HTTP, signed in as an Umbraco
/// API user with client credentials. Each test starts from the site as it is (<c>usync export --content</c> into a
/// folder of its own), changes the folder, plans, and applies; tests change different items, so that they do not
/// depend on their order.
/// </summary>
[Collection(UsyncSiteCollection.Name)]
public sealed class CommandLineTests(UsyncSite site)
{
    private const string PartnerType = "ContentTypes/partner.config";
    private const string TextstringKey = "0cc0eba1-9960-42c9-bf9b-60e150b429ae";
    private static readonly Guid PartnerTypeKey = Guid.Parse("336f4882-4fbb-5465-a32e-72eac85090b7");
    private static readonly Guid PartnerListTypeKey = Guid.Parse("e2dd9750-25cd-5f51-a957-0879f70ad5cc");

    private readonly TestFolder _folder = new(site.ContentRoot);

    [Fact]
    public async Task A_Site_That_Matches_The_Folder_Has_Nothing_To_Plan()
    {
        await ExportAsync();

        var run = await Plan(ExitCodes.Success);

        Assert.Contains("No changes: the site already matches the folder.", run.Output, StringComparison.Ordinal);
        Assert.True(_folder.ReadPlan().IsEmpty);
        Assert.Equal(site.BaseAddress.ToString().TrimEnd('/'), _folder.ReadPlan().Target.TrimEnd('/'));
    }

    [Fact]
    public async Task A_New_Property_Is_Planned_As_An_Update_With_Its_Settings_And_Applied()
    {
        await ExportAsync();
        AddProperty(PartnerType, "founded");

        var plan = await Plan(ExitCodes.Changes);

        var change = Assert.Single(_folder.ReadPlan().Changes);
        Assert.Equal((ChangeAction.Update, "partner", PartnerType), (change.Action, change.Alias, change.File));
        Assert.Null(change.Destructive);
        var type = Assert.Single(change.Details, d => d.Setting.Contains("founded", StringComparison.Ordinal) && d.Setting.EndsWith("/Type", StringComparison.Ordinal));
        Assert.Equal((null, "Umbraco.TextBox"), (type.Old, type.New));
        Assert.Contains("~ update document type partner  (ContentTypes/partner.config)", plan.Output, StringComparison.Ordinal);
        Assert.Contains($"{type.Setting}: (none) → Umbraco.TextBox", plan.Output, StringComparison.Ordinal);
        Assert.Contains("Plan: 1 to update.", plan.Output, StringComparison.Ordinal);

        var apply = await Apply(ExitCodes.Success);

        Assert.Contains("Applied 1 change", apply.Output, StringComparison.Ordinal);
        Assert.Contains(ContentTypes.Get(PartnerTypeKey)!.PropertyTypes, p => p.Alias == "founded" && p.PropertyEditorAlias == "Umbraco.TextBox");
        await Plan(ExitCodes.Success);
    }

    [Fact]
    public async Task Content_Applied_From_The_Folder_Is_Served_By_The_Delivery_Api_At_Once()
    {
        await ExportAsync();
        var summary = $"Women's Rights, deployed by usync {Guid.NewGuid():N}";
        _folder.Edit(FileOf(SeedKeys.WomensRights), document =>
        {
            var english = document.Root!.Element("Properties")!.Element("summary")!.Elements("Value").Single(v => v.Attribute("Culture")?.Value == "en-US");
            english.ReplaceNodes(new XCData(summary));
        });
        var delivery = new DeliveryApiClient(site.CreateClient());
        var before = await delivery.ItemByIdAsync(SeedKeys.WomensRights);

        await Plan(ExitCodes.Changes);
        await Apply(ExitCodes.Success);

        var served = await delivery.ItemByIdAsync(SeedKeys.WomensRights);
        Assert.NotEqual(summary, before.GetProperty("properties").GetProperty("summary").GetString());
        Assert.Equal(summary, served.GetProperty("properties").GetProperty("summary").GetString());
        var arabic = await delivery.ItemByIdAsync(SeedKeys.WomensRights, "ar");
        Assert.StartsWith("إحدى الحملات", arabic.GetProperty("properties").GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Changed_Editor_Is_Flagged_Destructive_With_The_Values_It_Would_Lose_And_Refused_Without_The_Flag()
    {
        await ExportAsync();
        var (items, values) = DescriptionValuesOfPartners();
        Assert.True(items > 0 && values > items, $"{items} items, {values} values");
        _folder.Edit(PartnerType, document =>
        {
            var description = document.Root!.Element("GenericProperties")!.Elements().Single(p => p.Element("Alias")!.Value == "description");
            description.Element("Definition")!.Value = TextstringKey;
            description.Element("Type")!.Value = "Umbraco.TextBox";
        });
        var before = await site.StateAsync();

        var plan = await Plan(ExitCodes.DestructiveChanges);
        var refused = await Apply(ExitCodes.DestructiveRefused);

        var change = Assert.Single(_folder.ReadPlan().Changes);
        Assert.NotNull(change.Destructive);
        Assert.Equal((items, values), (change.Destructive.ContentItems, change.Destructive.Values));
        Assert.Contains("changes the editor of 'description' from Umbraco.TextArea to Umbraco.TextBox", change.Destructive.Reason, StringComparison.Ordinal);
        Assert.Contains($"! destructive: {change.Destructive.Reason} ({items} content items, {values} values)", plan.Output, StringComparison.Ordinal);
        Assert.Contains("--allow-destructive", refused.Error, StringComparison.Ordinal);
        Assert.Equal(before, await site.StateAsync());
    }

    [Fact]
    public async Task A_Delete_Is_Refused_Without_The_Flag_And_Applied_With_It()
    {
        await ExportAsync();
        var partner = Content.GetById(SeedKeys.UnPontePer)!;
        _folder.WriteDeleteMarker(FileOf(SeedKeys.UnPontePer), partner.Key, partner.Name!);

        var plan = await Plan(ExitCodes.DestructiveChanges);

        var delete = Assert.Single(_folder.ReadPlan().Changes);
        Assert.Equal((ChangeAction.Delete, partner.Key), (delete.Action, delete.Key));
        Assert.Equal(1, delete.Destructive?.ContentItems);
        Assert.Contains($"- delete content {partner.Name}", plan.Output, StringComparison.Ordinal);

        var refused = await Apply(ExitCodes.DestructiveRefused);

        Assert.Contains(partner.Name!, refused.Error, StringComparison.Ordinal);
        Assert.NotNull(Content.GetById(partner.Key));

        await Apply(ExitCodes.Success, "--allow-destructive");

        Assert.True(Content.GetById(partner.Key) is null or { Trashed: true });
        await Plan(ExitCodes.Success);
    }

    [Fact]
    public async Task A_Plan_Is_Refused_When_Another_Field_Of_A_Planned_Item_Changed_On_The_Site_Since()
    {
        await ExportAsync();
        var file = FileOf(SeedKeys.KaribuFoundation);
        _folder.Edit(file, document =>
        {
            var english = document.Root!.Element("Properties")!.Element("description")!.Elements("Value").Single(v => v.Attribute("Culture")?.Value == "en-US");
            english.ReplaceNodes(new XCData("Planned: " + english.Value));
        });
        await Plan(ExitCodes.Changes);
        var item = Content.GetById(SeedKeys.KaribuFoundation)!;
        item.SetValue("website", "https://changed-after-the-plan.invalid");
        Assert.True(Content.Save(item).Success);
        var before = await site.StateAsync();

        var run = await Apply(ExitCodes.Refused);

        Assert.Contains("changed since the plan was made; nothing was written", run.Error, StringComparison.Ordinal);
        Assert.Contains($"Update Content '{item.Name}' ({file}): changed since the plan", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await site.StateAsync());
        Assert.DoesNotContain("Planned: ", Content.GetById(SeedKeys.KaribuFoundation)!.GetValue<string>("description", "en-US"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_Changed_On_The_Site_Since_The_Last_Plan_Is_In_The_Next_One_With_The_Items_Below_A_Renamed_Item()
    {
        await ExportAsync();
        await Plan(ExitCodes.Success);
        var conference = Content.GetById(SeedKeys.GlobalizationConference)!;
        var name = conference.GetCultureName("en-US")!;
        var below = Content.GetById(SeedKeys.HopeForPeace)!;
        Assert.Equal(conference.Id, below.ParentId);
        try
        {
            // The site's content is kept between plans: this plan must hear of the rename, and write the item below again.
            conference.SetCultureName(name + " (renamed)", "en-US");
            Assert.True(Content.Save(conference).Success);

            await Plan(ExitCodes.Changes);

            var changes = _folder.ReadPlan().Changes;
            Assert.Equal(new[] { conference.Key, below.Key }.Order(), changes.Select(c => c.Key).Order());
            var path = Assert.Single(changes.Single(c => c.Key == below.Key).Details, d => d.Setting.EndsWith("Path", StringComparison.Ordinal));
            Assert.Contains("GlobalizationConference2014(renamed)/", path.Old, StringComparison.Ordinal);
            Assert.Contains("GlobalizationConference2014/", path.New, StringComparison.Ordinal);
        }
        finally
        {
            conference = Content.GetById(SeedKeys.GlobalizationConference)!;
            conference.SetCultureName(name, "en-US");
            Assert.True(Content.Save(conference).Success);
        }

        await Plan(ExitCodes.Success);
    }

    [Fact]
    public async Task An_Item_The_Plan_Does_Not_Touch_May_Change_On_The_Site_Before_The_Apply_And_Keeps_That_Change()
    {
        await ExportAsync();
        AddProperty(PartnerType, "untouchedNote");
        await Plan(ExitCodes.Changes);
        var summary = $"Changed on the site after the plan {Guid.NewGuid():N}";
        var campaign = Content.GetById(SeedKeys.WorkersRights)!;
        campaign.SetValue("summary", summary, "en-US");
        Assert.True(Content.Save(campaign).Success);

        // The site no longer holds the folder's file of the campaign as it is: the command line is asked for it, and sends it.
        await Apply(ExitCodes.Success);

        Assert.Contains(ContentTypes.Get(PartnerTypeKey)!.PropertyTypes, p => p.Alias == "untouchedNote");
        Assert.Equal(summary, Content.GetById(SeedKeys.WorkersRights)!.GetValue<string>("summary", "en-US"));
        await Plan(ExitCodes.Changes);
        var change = Assert.Single(_folder.ReadPlan().Changes);
        Assert.Equal((ChangeAction.Update, SeedKeys.WorkersRights), (change.Action, change.Key));
    }

    [Fact]
    public async Task A_Plan_Is_Refused_When_The_Schema_Changed_On_The_Site_Since()
    {
        await ExportAsync();
        AddProperty(PartnerType, "listNote");
        await Plan(ExitCodes.Changes);
        var partnerList = ContentTypes.Get(PartnerListTypeKey)!;
        partnerList.Description = "Changed on the site after the plan was made.";
        Assert.True((await ContentTypes.UpdateAsync(partnerList, Constants.Security.SuperUserKey)).Success);
        var before = await site.StateAsync();

        var run = await Apply(ExitCodes.Refused);

        Assert.Contains("the schema is not what the plan was made against", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await site.StateAsync());
    }

    [Fact]
    public async Task A_Plan_Is_Refused_When_The_Folder_Changed_Since()
    {
        await ExportAsync();
        AddProperty(PartnerType, "folderNote");
        await Plan(ExitCodes.Changes);
        _folder.Replace("Content/partners.config", "<Trashed>false</Trashed>", "<Trashed>false</Trashed><!-- changed -->");
        var before = await site.StateAsync();

        var run = await Apply(ExitCodes.Refused);

        Assert.Contains("Content/partners.config: changed since the plan", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await site.StateAsync());
    }

    [Fact]
    public async Task A_Broken_Folder_Is_Refused_Whole_With_Every_Problem_Listed_By_File_And_Line()
    {
        await ExportAsync();
        AddProperty(PartnerType, "brokenNote");
        await Plan(ExitCodes.Changes);
        _folder.Replace(FileOf(SeedKeys.KaribuFoundation), "</Info>", "</Inf>");
        var before = await site.StateAsync();

        var plan = await Plan(ExitCodes.Refused, json: false);
        var apply = await Apply(ExitCodes.Refused);

        var problem = $"{FileOf(SeedKeys.KaribuFoundation)}:";
        Assert.Contains(problem, plan.Error, StringComparison.Ordinal);
        Assert.Contains("1 problem; nothing planned", plan.Error, StringComparison.Ordinal);
        Assert.Contains(problem, apply.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was written", apply.Error, StringComparison.Ordinal);
        Assert.Equal(before, await site.StateAsync());
    }

    [Fact]
    public async Task A_Plan_File_That_Is_Not_A_Plan_Says_What_Is_Wrong_With_It()
    {
        await ExportAsync();
        await File.WriteAllTextAsync(_folder.PlanFile, "{ \"format\": 2, \"changes\": [ ");

        var broken = await Apply(ExitCodes.Error);
        File.Delete(_folder.PlanFile);
        var missing = await Apply(ExitCodes.Error);

        Assert.Contains("is not a usable plan: not valid JSON at line", broken.Error, StringComparison.Ordinal);
        Assert.Contains("does not exist", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Writes_What_The_Site_Has_Leaves_Unchanged_Files_Alone_And_Cleans_Stale_Ones()
    {
        var first = await ExportAsync();
        var second = await site.RunExpectingAsync(ExitCodes.Success, "export", _folder.Path, "--content");
        File.WriteAllText(_folder.FullPath("Content/stale.config"), "<Content />");
        var schemaOnly = await site.RunExpectingAsync(ExitCodes.Success, "export", _folder.Path, "--clean");
        var keptBySchemaOnly = File.Exists(_folder.FullPath("Content/stale.config"));
        var withContent = await site.RunExpectingAsync(ExitCodes.Success, "export", _folder.Path, "--content", "--clean");

        Assert.Matches(@"\d+ written, 0 unchanged, 0 deleted", first.Output);
        Assert.Matches(@"0 written, \d+ unchanged, 0 deleted", second.Output);
        Assert.True(keptBySchemaOnly, schemaOnly.ToString());
        Assert.False(File.Exists(_folder.FullPath("Content/stale.config")));
        Assert.Contains("deleted    Content/stale.config", withContent.Output, StringComparison.Ordinal);
        // No test changes these: they are the repository's files, byte for byte.
        foreach (var handler in new[] { "Languages", "Dictionary", "DataTypes", "Forms" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(HubSite.RepositoryUsyncFolder, handler)))
            {
                Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(_folder.FullPath(Path.GetRelativePath(HubSite.RepositoryUsyncFolder, file))));
            }
        }
    }

    [Fact]
    public async Task Without_Credentials_Or_With_Wrong_Ones_Or_Without_Settings_Access_Nothing_Runs_And_The_Reason_Is_Said()
    {
        await ExportAsync();
        var editor = await ApiUsers.CreateAsync(site, Constants.Security.EditorGroupKey);

        var wrongSecret = await site.RunAsync(["plan", _folder.Path], (site.Developer.ClientId, "not-the-secret"));
        var noSecret = await site.RunAsync(["plan", _folder.Path], (site.Developer.ClientId, ""));
        var notAllowed = await site.RunAsync(["plan", _folder.Path], editor);
        var nobody = await UsyncCommandLine.RunAsync(["plan", _folder.Path, "--site", "http://127.0.0.1:9/", "--client-id", "umbraco-back-office-x"], TextWriter.Null, new StringWriter());

        Assert.Equal((ExitCodes.Error, ExitCodes.Error, ExitCodes.Error, ExitCodes.Error), (wrongSecret.ExitCode, noSecret.ExitCode, notAllowed.ExitCode, nobody));
        Assert.Contains("refused the client credentials", wrongSecret.Error, StringComparison.Ordinal);
        Assert.Contains("USYNC_CLIENT_SECRET", noSecret.Error, StringComparison.Ordinal);
        Assert.Contains("Settings section", notAllowed.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret", wrongSecret.Error + wrongSecret.Output, StringComparison.Ordinal);
    }

    private IContentService Content => site.Services.GetRequiredService<IContentService>();

    private IContentTypeService ContentTypes => site.Services.GetRequiredService<IContentTypeService>();

    private Task<CliRun> ExportAsync() => site.RunExpectingAsync(ExitCodes.Success, "export", _folder.Path, "--content");

    private Task<CliRun> Plan(int exitCode, bool json = true) => json
        ? site.RunExpectingAsync(exitCode, "plan", _folder.Path, "--json", _folder.PlanFile)
        : site.RunExpectingAsync(exitCode, "plan", _folder.Path);

    private Task<CliRun> Apply(int exitCode, params string[] more) =>
        site.RunExpectingAsync(exitCode, ["apply", "--plan", _folder.PlanFile, .. more]);

    /// <summary>The exported file that holds the content item.</summary>
    private string FileOf(Guid key) =>
        Directory.EnumerateFiles(_folder.FullPath("Content"))
            .Select(f => Path.GetRelativePath(_folder.Path, f).Replace('\\', '/'))
            .Single(f => _folder.Read(f).Contains($"Key=\"{key}\"", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Adds an optional text property to a document type's file, after its other properties (Umbraco renumbers a sort
    /// order another property of the group has, and the next plan would find that).
    /// </summary>
    private void AddProperty(string file, string alias) => _folder.Edit(file, document =>
    {
        var properties = document.Root!.Element("GenericProperties")!;
        var tab = properties.Elements("GenericProperty").Select(p => p.Element("Tab")).FirstOrDefault(t => t is not null);
        properties.Add(new XElement("GenericProperty",
            new XElement("Key", Guid.NewGuid()),
            new XElement("Name", alias),
            new XElement("Alias", alias),
            new XElement("Definition", TextstringKey),
            new XElement("Type", "Umbraco.TextBox"),
            new XElement("Mandatory", "false"),
            new XElement("Validation", string.Empty),
            new XElement("Description", new XCData(string.Empty)),
            new XElement("SortOrder", properties.Elements("GenericProperty").Select(p => (int)p.Element("SortOrder")!).DefaultIfEmpty(0).Max() + 1),
            tab is null ? null : new XElement(tab),
            new XElement("Variations", "Nothing"),
            new XElement("MandatoryMessage", string.Empty),
            new XElement("ValidationRegExpMessage", string.Empty),
            new XElement("LabelOnTop", "false")));
    });

    /// <summary>The partners holding a description in their current version, and how many values (one per culture) they hold.</summary>
    private (int Items, int Values) DescriptionValuesOfPartners()
    {
        var type = ContentTypes.Get(PartnerTypeKey)!;
        var partners = Content.GetPagedOfType(type.Id, 0, 1000, out _, null!).ToList();
        var values = partners.Select(p => p.Properties["description"]!.Values.Count(v => v.EditedValue is string { Length: > 0 })).ToList();
        return (values.Count(v => v > 0), values.Sum());
    }
}
