using System.Xml.Linq;
using IcssiCms.Store.Planning;
using IcssiCms.UnitTests.Support;
using IcssiCms.Usync.Cli;
using IcssiCms.Usync.Model;
using Microsoft.EntityFrameworkCore;

namespace IcssiCms.UnitTests.Cli;

/// <summary>
/// <c>usync plan</c> and <c>usync apply</c> on a store that holds the hub (imported as the host does), against a copy
/// of the hub folder that each test changes.
/// </summary>
public sealed class PlanAndApplyCommandTests : IAsyncLifetime
{
    private const string PartnerType = "ContentTypes/partner.config";
    private const string KaribuFile = "Content/karibu-foundation.config";
    private static readonly Guid KaribuKey = Guid.Parse("2a0ed431-1a36-5dd2-adeb-5482f537d8d0");
    private static readonly Guid PartnerTypeKey = Guid.Parse("336f4882-4fbb-5465-a32e-72eac85090b7");
    private const string TextstringKey = "0cc0eba1-9960-42c9-bf9b-60e150b429ae";

    private readonly TempUsyncFolder _folder = new();
    private TempStore _store = null!;

    private string PlanFile => Path.Combine(_folder.Root, "plan.json");

    public async Task InitializeAsync()
    {
        _store = await TempStore.CreateAsync(_folder.Root);
        var import = await _store.ImportAsync(_folder.Path);
        Assert.True(import.Succeeded, ProblemAssert.Describe(import.Problems));
    }

    public Task DisposeAsync()
    {
        _store.Release();
        _folder.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_Store_That_Matches_The_Folder_Has_Nothing_To_Plan()
    {
        var run = await Plan(ExitCodes.Success);

        Assert.Contains("No changes", run.Output, StringComparison.Ordinal);
        Assert.True(ReadPlan().IsEmpty);
    }

    [Fact]
    public async Task A_New_Property_Is_Planned_As_An_Update_With_Its_Settings_And_Applied()
    {
        AddFoundedProperty();

        var plan = await Plan(ExitCodes.Changes);

        var change = Assert.Single(ReadPlan().Changes);
        Assert.Equal((ChangeAction.Update, "partner", PartnerType), (change.Action, change.Alias, change.File));
        Assert.Null(change.Destructive);
        var type = Assert.Single(change.Details, d => d.Setting.Contains("founded", StringComparison.Ordinal) && d.Setting.EndsWith("/Type", StringComparison.Ordinal));
        Assert.Equal((null, "Umbraco.TextBox"), (type.Old, type.New));
        Assert.Contains("~ update document type partner  (ContentTypes/partner.config)", plan.Output, StringComparison.Ordinal);
        Assert.Contains($"{type.Setting}: (none) → Umbraco.TextBox", plan.Output, StringComparison.Ordinal);
        Assert.Contains("Plan: 1 to update.", plan.Output, StringComparison.Ordinal);

        var apply = await Apply(ExitCodes.Success);

        Assert.Contains("Applied 1 change", apply.Output, StringComparison.Ordinal);
        Assert.Contains("~ update document type partner", apply.Output, StringComparison.Ordinal);
        await using var db = _store.NewContext();
        var partner = await db.ContentTypes.SingleAsync(t => t.Key == PartnerTypeKey);
        Assert.Contains(partner.Properties, p => p.Alias == "founded" && p.EditorAlias == "Umbraco.TextBox");
        await Plan(ExitCodes.Success);
    }

    [Fact]
    public async Task A_Renamed_Document_Type_Is_Planned_As_A_Rename_And_Its_Content_Keeps_Its_Type()
    {
        var partners = await NodesOfTypeAsync("partner");
        Assert.NotEmpty(partners);
        RenamePartnerTo("organisation");

        var plan = await Plan(ExitCodes.Changes);

        var rename = Assert.Single(ReadPlan().Changes, c => c.ItemType == UsyncItemType.ContentType && c.Key == PartnerTypeKey);
        Assert.Equal((ChangeAction.Rename, "partner", "organisation"), (rename.Action, rename.OldAlias, rename.Alias));
        Assert.Contains("> rename document type partner → organisation", plan.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(ReadPlan().Changes, c => c.Action == ChangeAction.Delete || c.Destructive is not null);

        await Apply(ExitCodes.Success);

        Assert.Empty(await NodesOfTypeAsync("partner"));
        Assert.Equal(partners, await NodesOfTypeAsync("organisation"));
        await using var db = _store.NewContext();
        Assert.True(await db.PropertyValues.AnyAsync(v => v.NodeKey == KaribuKey && v.Alias == "description" && v.Value != ""));
        await Plan(ExitCodes.Success);
    }

    [Fact]
    public async Task A_Changed_Editor_Is_Flagged_Destructive_With_The_Values_It_Would_Lose()
    {
        var (items, values) = await DescriptionValuesAsync();
        Assert.True(items > 0 && values > items, $"{items} items, {values} values");
        _folder.Edit(PartnerType, document =>
        {
            var description = document.Root!.Element("GenericProperties")!.Elements().Single(p => p.Element("Alias")!.Value == "description");
            description.Element("Definition")!.Value = TextstringKey;
            description.Element("Type")!.Value = "Umbraco.TextBox";
        });

        var plan = await Plan(ExitCodes.DestructiveChanges);

        var change = Assert.Single(ReadPlan().Changes);
        Assert.NotNull(change.Destructive);
        Assert.Equal((items, values), (change.Destructive.ContentItems, change.Destructive.Values));
        Assert.Contains("changes the editor of 'description' from Umbraco.TextArea to Umbraco.TextBox", change.Destructive.Reason, StringComparison.Ordinal);
        Assert.Contains($"! destructive: {change.Destructive.Reason} ({items} content items, {values} values)", plan.Output, StringComparison.Ordinal);
        Assert.Contains($"1 destructive ({items} content items, {values} values)", plan.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Delete_Is_Refused_Without_The_Flag_And_Applied_With_It()
    {
        _folder.WriteEmptyMarker(KaribuFile, KaribuKey, "Karibu Foundation", "Delete");

        var plan = await Plan(ExitCodes.DestructiveChanges);

        var delete = Assert.Single(ReadPlan().Changes);
        Assert.Equal((ChangeAction.Delete, KaribuKey, KaribuFile), (delete.Action, delete.Key, delete.File));
        Assert.Equal(1, delete.Destructive?.ContentItems);
        Assert.Contains("- delete content Karibu Foundation  (Content/karibu-foundation.config)", plan.Output, StringComparison.Ordinal);

        var refused = await Apply(ExitCodes.DestructiveRefused);

        Assert.Contains("--allow-destructive", refused.Error, StringComparison.Ordinal);
        Assert.Contains("Karibu Foundation", refused.Error, StringComparison.Ordinal);
        Assert.True(await NodeExistsAsync(KaribuKey));

        await Apply(ExitCodes.Success, "--allow-destructive");

        Assert.False(await NodeExistsAsync(KaribuKey));
        await Plan(ExitCodes.Success);
    }

    [Fact]
    public async Task A_Plan_Is_Refused_When_The_Store_Changed_Since()
    {
        AddFoundedProperty();
        await Plan(ExitCodes.Changes);
        await using (var db = _store.NewContext())
        {
            var partner = await db.ContentTypes.SingleAsync(t => t.Key == PartnerTypeKey);
            partner.Description = "Changed in the store after the plan was made.";
            await db.SaveChangesAsync();
        }

        var run = await Apply(ExitCodes.Refused);

        Assert.Contains("The store changed since the plan", run.Error, StringComparison.Ordinal);
        Assert.Contains("schema hash", run.Error, StringComparison.Ordinal);
        await using var after = _store.NewContext();
        Assert.DoesNotContain((await after.ContentTypes.SingleAsync(t => t.Key == PartnerTypeKey)).Properties, p => p.Alias == "founded");
    }

    [Fact]
    public async Task A_Plan_Is_Refused_When_The_Folder_Changed_Since()
    {
        AddFoundedProperty();
        await Plan(ExitCodes.Changes);
        _folder.Replace("ContentTypes/partnerlist.config", "<Description>Lists the partner organisations.</Description>", "<Description>Lists partners.</Description>");

        var run = await Apply(ExitCodes.Refused);

        Assert.Contains("ContentTypes/partnerlist.config: changed since the plan", run.Error, StringComparison.Ordinal);
        await using var db = _store.NewContext();
        Assert.DoesNotContain((await db.ContentTypes.SingleAsync(t => t.Key == PartnerTypeKey)).Properties, p => p.Alias == "founded");
    }

    [Fact]
    public async Task A_Broken_Set_Is_Refused_Whole_With_Every_Problem_Listed()
    {
        AddFoundedProperty();
        await Plan(ExitCodes.Changes);
        _folder.Replace(KaribuFile, "<Trashed>false</Trashed>", "<Trashed>false</Trashed");
        _folder.Replace("Content/un-ponte-per.config", "</Properties>", "</Propertys>");
        var problems = ProblemAssert.ProblemsOf(_folder.Path);
        Assert.Equal(2, problems.Count);
        var hashBefore = await SchemaHashAsync();

        var plan = await Plan(ExitCodes.Refused, json: false);
        var apply = await Apply(ExitCodes.Refused);

        foreach (var run in new[] { plan, apply })
        {
            Assert.All(problems, p => Assert.Contains(p.ToString(), run.Error, StringComparison.Ordinal));
        }

        Assert.Contains("2 problems", plan.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was written", apply.Error, StringComparison.Ordinal);
        Assert.Equal(hashBefore, await SchemaHashAsync());
    }

    [Fact]
    public async Task A_Plan_File_That_Is_Not_A_Plan_Says_What_Is_Wrong_With_It()
    {
        await File.WriteAllTextAsync(PlanFile, "{ \"format\": 1, \"changes\": [ ");

        var broken = await Apply(ExitCodes.Error);
        File.Delete(PlanFile);
        var missing = await Apply(ExitCodes.Error);

        Assert.Contains("is not a usable plan: not valid JSON at line", broken.Error, StringComparison.Ordinal);
        Assert.Contains("does not exist", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Missing_Store_Is_Not_Created()
    {
        var missing = Path.Combine(_folder.Root, "no-such", "Umbraco.sqlite.db");

        var run = await UsyncCli.RunExpectingAsync(ExitCodes.Error, "plan", _folder.Path, "--target", $"Data Source={missing}");

        Assert.Contains("does not exist", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
        Assert.False(Directory.Exists(Path.GetDirectoryName(missing)));
    }

    [Fact]
    public async Task A_Store_That_Is_Not_Migrated_Is_Refused()
    {
        var data = Path.Combine(_folder.Root, "empty-data");
        Directory.CreateDirectory(data);
        await File.WriteAllBytesAsync(Path.Combine(data, "Umbraco.sqlite.db"), []);

        var run = await UsyncCli.RunExpectingAsync(ExitCodes.Error, "plan", _folder.Path, "--target", data);

        Assert.Contains("not a migrated store", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, new FileInfo(Path.Combine(data, "Umbraco.sqlite.db")).Length);
    }

    [Fact]
    public async Task The_Target_May_Be_A_Data_Folder_Holding_Umbraco_Sqlite_Db()
    {
        var data = Path.Combine(_folder.Root, "umbraco", "Data");
        Directory.CreateDirectory(data);
        _store.Release();
        File.Copy(_store.FilePath, Path.Combine(data, "Umbraco.sqlite.db"));

        var run = await UsyncCli.RunExpectingAsync(ExitCodes.Success, "plan", _folder.Path, "--target", data);

        Assert.Contains("No changes", run.Output, StringComparison.Ordinal);
    }

    private Task<CliRun> Plan(int exitCode, bool json = true) => json
        ? UsyncCli.RunExpectingAsync(exitCode, "plan", _folder.Path, "--target", _store.ConnectionString, "--json", PlanFile)
        : UsyncCli.RunExpectingAsync(exitCode, "plan", _folder.Path, "--target", _store.ConnectionString);

    private Task<CliRun> Apply(int exitCode, params string[] more) =>
        UsyncCli.RunExpectingAsync(exitCode, ["apply", "--plan", PlanFile, "--target", _store.ConnectionString, .. more]);

    private UsyncPlan ReadPlan()
    {
        var (plan, problem) = UsyncPlan.FromJson(File.ReadAllText(PlanFile));
        Assert.True(plan is not null, problem);
        return plan;
    }

    /// <summary>Adds an optional text property, <c>founded</c>, to the partner document type.</summary>
    private void AddFoundedProperty() => _folder.Edit(PartnerType, document =>
    {
        var properties = document.Root!.Element("GenericProperties")!;
        properties.Add(new XElement("GenericProperty",
            new XElement("Key", "7d0f1c8e-3b52-4f4e-9a51-0d6f5f2f7a01"),
            new XElement("Name", "Founded"),
            new XElement("Alias", "founded"),
            new XElement("Definition", TextstringKey),
            new XElement("Type", "Umbraco.TextBox"),
            new XElement("Mandatory", "false"),
            new XElement("Validation", string.Empty),
            new XElement("Description", new XCData(string.Empty)),
            new XElement("SortOrder", "13"),
            new XElement("Tab", new XAttribute("Alias", "content"), "Content"),
            new XElement("Variations", "Nothing"),
            new XElement("MandatoryMessage", string.Empty),
            new XElement("ValidationRegExpMessage", string.Empty),
            new XElement("LabelOnTop", "false")));
    });

    /// <summary>Renames the partner document type, and every reference to it, as uSync would write them after a rename.</summary>
    private void RenamePartnerTo(string alias)
    {
        _folder.Replace(PartnerType, "Alias=\"partner\"", $"Alias=\"{alias}\"");
        _folder.Replace("ContentTypes/partnerlist.config", "SortOrder=\"0\">partner</ContentType>", $"SortOrder=\"0\">{alias}</ContentType>");
        foreach (var file in HubFolder.FilesOf(_folder.Path, "Content").Where(f => _folder.Read(f).Contains("<ContentType>partner</ContentType>", StringComparison.Ordinal)))
        {
            _folder.Replace(file, "<ContentType>partner</ContentType>", $"<ContentType>{alias}</ContentType>");
        }
    }

    private async Task<List<Guid>> NodesOfTypeAsync(string alias)
    {
        await using var db = _store.NewContext();
        return (await db.ContentNodes.Where(n => n.ContentTypeAlias == alias).Select(n => n.Key).ToListAsync()).Order().ToList();
    }

    private async Task<bool> NodeExistsAsync(Guid key)
    {
        await using var db = _store.NewContext();
        return await db.ContentNodes.AnyAsync(n => n.Key == key);
    }

    /// <summary>The partners holding a description, and how many description values they hold.</summary>
    private async Task<(int Items, int Values)> DescriptionValuesAsync()
    {
        await using var db = _store.NewContext();
        var partners = await db.ContentNodes.Where(n => n.ContentTypeAlias == "partner").Select(n => n.Key).ToListAsync();
        var values = await db.PropertyValues.Where(v => v.Alias == "description" && v.Value != null && v.Value != "").ToListAsync();
        var held = values.Where(v => partners.Contains(v.NodeKey)).ToList();
        return (held.Select(v => v.NodeKey).Distinct().Count(), held.Count);
    }

    private async Task<string> SchemaHashAsync()
    {
        await using var db = _store.NewContext();
        var set = (await new IcssiCms.Store.Reading.StoreSetReader(db).ReadAsync()).ToSet(IcssiCms.Store.Reading.ContentVersion.Draft);
        return UsyncPlanner.SchemaHash(set) + "/" + await db.ContentNodes.CountAsync() + "/" + await db.PropertyValues.CountAsync();
    }
}
