using System.Xml.Linq;
using IcssiCms.Core.Schema;
using IcssiCms.Store.Importing;
using IcssiCms.UnitTests.Support;
using IcssiCms.UnitTests.Usync.Forms;
using IcssiCms.Usync;
using IcssiCms.Usync.Mapping;
using IcssiCms.Usync.Model;
using Microsoft.EntityFrameworkCore;

namespace IcssiCms.UnitTests.Store.Importing;

/// <summary>The importer on a real SQLite file, over a copy of the hub folder that each test may change.</summary>
public sealed class UsyncImporterTests : IAsyncLifetime
{
    private const string CampaignsFile = "Content/campaigns.config";
    private const string TigrisFile = "Content/save-the-tigris.config";
    private const string NewsFile = "Content/call-for-international-participants.config";

    private readonly TempUsyncFolder _folder = new();
    private TempStore _store = null!;

    public async Task InitializeAsync() => _store = await TempStore.CreateAsync(_folder.Root);

    public Task DisposeAsync()
    {
        _store?.Release();
        _folder.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_Cold_Import_Writes_Every_Item_Of_The_Folder()
    {
        var result = await _store.ImportAsync(_folder.Path);

        Assert.Equal(ImportOutcome.Imported, result.Outcome);
        Assert.True(result.Succeeded);
        Assert.Empty(result.Problems);
        var files = FileCounts();
        Assert.Equal(
            new ImportCounts(files.Values.Sum(), files["Languages"], files["DataTypes"], files["ContentTypes"], files["Content"], 0, files["Dictionary"], files["Forms"]),
            result.Counts);

        await using var db = _store.NewContext();
        Assert.Equal(files["Languages"], await db.Languages.CountAsync());
        Assert.Equal(files["DataTypes"], await db.DataTypes.CountAsync());
        Assert.Equal(files["ContentTypes"], await db.ContentTypes.CountAsync());
        Assert.Equal(files["Content"], await db.ContentNodes.CountAsync());
        Assert.Equal(files.Values.Sum(), await db.SyncFiles.CountAsync());
        Assert.Equal(HubCultures.English, (await db.Languages.SingleAsync(l => l.IsDefault)).IsoCode);

        var campaign = await db.ContentTypes.SingleAsync(t => t.Alias == HubContentTypes.Campaign.Alias);
        Assert.Equal(
            [HubContentTypes.PageHeader.Alias, HubContentTypes.SeoControls.Alias],
            campaign.Compositions.Select(c => c.Alias).Order(StringComparer.Ordinal));
        Assert.True(campaign.Properties.Single(p => p.Alias == HubContentTypes.Campaign.Status).Mandatory);

        var tigris = HubFolder.ContentIn(TigrisFile);
        Assert.Equal("1", await ValueAsync(tigris.Key, HubContentTypes.Campaign.DisplayOrder, string.Empty));
        Assert.Equal(
            tigris.Properties.Single(v => v.Alias == HubContentTypes.PageHeader.Title && v.Culture == HubCultures.Arabic).Value,
            await ValueAsync(tigris.Key, HubContentTypes.PageHeader.Title, HubCultures.Arabic));
    }

    [Theory]
    [InlineData("Content/save-the-tigris.config", "/campaigns/save-the-tigris/")]
    [InlineData("Content/freedom-of-expression.config", "/campaigns/freedom-of-expression/")]
    [InlineData("Content/workers-rights.config", "/campaigns/workers-rights/")]
    [InlineData("Content/womens-rights.config", "/campaigns/womens-rights/")]
    [InlineData("Content/sports-against-violence.config", "/campaigns/sports-against-violence/")]
    [InlineData("Content/stop-private-military-and-security-companies.config", "/campaigns/stop-private-military-and-security-companies/")]
    public async Task A_Cold_Import_Gives_Each_Campaign_A_Route_In_English_And_Arabic(string file, string englishRoute)
    {
        await _store.ImportAsync(_folder.Path);
        var campaign = HubFolder.ContentIn(file);
        var list = HubFolder.ContentIn(CampaignsFile);
        Assert.Equal(list.Key, campaign.ParentKey);

        Assert.Equal(englishRoute, await RouteAsync(campaign.Key, HubCultures.English));

        var arabicRoute = await RouteAsync(campaign.Key, HubCultures.Arabic);
        var expected = $"/{Segment(list, HubCultures.Arabic)}/{Segment(campaign, HubCultures.Arabic)}/";
        Assert.Equal(expected, arabicRoute);
        Assert.Matches(@"^/\p{IsArabic}[^/]*/\p{IsArabic}[^/]*/$", arabicRoute);
        Assert.Null(await RouteAsync(campaign.Key, HubCultures.SoraniKurdish));
    }

    [Fact]
    public async Task A_Cold_Import_Serves_The_Hub_Home_At_The_Root_In_Each_Culture()
    {
        await _store.ImportAsync(_folder.Path);
        var home = HubFolder.Set.Content.Single(c => c.IsRoot);

        Assert.Equal("/", await RouteAsync(home.Key, HubCultures.English));
        Assert.Equal("/", await RouteAsync(home.Key, HubCultures.Arabic));
        Assert.Equal("/campaigns/", await RouteAsync(HubFolder.ContentIn(CampaignsFile).Key, HubCultures.English));
    }

    [Fact]
    public async Task A_Second_Import_Of_An_Unchanged_Folder_Is_Unchanged()
    {
        await _store.ImportAsync(_folder.Path);
        var before = await SnapshotAsync();

        var result = await _store.ImportAsync(_folder.Path);

        Assert.Equal(ImportOutcome.Unchanged, result.Outcome);
        Assert.Equal(new ImportCounts(FileCounts().Values.Sum(), 0, 0, 0, 0, 0), result.Counts);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Renaming_A_Node_In_English_Reimports_Only_That_Node_And_Moves_Its_Children()
    {
        await _store.ImportAsync(_folder.Path);
        var list = HubFolder.ContentIn(CampaignsFile);
        var tigris = HubFolder.ContentIn(TigrisFile);
        var updatedBefore = await UpdateDatesAsync();
        var arabicBefore = await RouteAsync(tigris.Key, HubCultures.Arabic);
        _folder.Replace(CampaignsFile, "<Name Culture=\"en-US\">Campaigns</Name>", "<Name Culture=\"en-US\">Our Campaigns</Name>");

        var result = await _store.ImportAsync(_folder.Path);

        Assert.Equal(ImportOutcome.Imported, result.Outcome);
        Assert.Equal((0, 0, 0, 1, 0), (result.Counts.Languages, result.Counts.DataTypes, result.Counts.ContentTypes, result.Counts.Content, result.Counts.Deleted));
        Assert.Equal("/our-campaigns/", await RouteAsync(list.Key, HubCultures.English));
        Assert.Equal("/our-campaigns/save-the-tigris/", await RouteAsync(tigris.Key, HubCultures.English));
        Assert.Equal(arabicBefore, await RouteAsync(tigris.Key, HubCultures.Arabic));

        var children = HubFolder.Set.Content.Where(c => c.ParentKey == list.Key).Select(c => c.Key).ToList();
        await using var db = _store.NewContext();
        var childRoutes = await db.ContentCultures.Where(c => children.Contains(c.NodeKey) && c.Culture == HubCultures.English).Select(c => c.Route).ToListAsync();
        Assert.Equal(children.Count, childRoutes.Count);
        Assert.All(childRoutes, r => Assert.StartsWith("/our-campaigns/", r, StringComparison.Ordinal));

        var updatedAfter = await UpdateDatesAsync();
        Assert.Equal([list.Key], updatedAfter.Where(n => n.Value != updatedBefore[n.Key]).Select(n => n.Key));
    }

    [Fact]
    public async Task A_Refused_Import_Leaves_The_Store_As_It_Was()
    {
        await _store.ImportAsync(_folder.Path);
        var before = await SnapshotAsync();
        var tigris = HubFolder.ContentIn(TigrisFile);
        var original = _folder.Read(TigrisFile);
        _folder.Replace(CampaignsFile, "<Name Culture=\"en-US\">Campaigns</Name>", "<Name Culture=\"en-US\">Our Campaigns</Name>");
        _folder.Replace(TigrisFile, "<![CDATA[1]]>", "<![CDATA[ten]]>");

        var refused = await _store.ImportAsync(_folder.Path);

        Assert.Equal(ImportOutcome.Refused, refused.Outcome);
        Assert.False(refused.Succeeded);
        ProblemAssert.HasOnly(refused.Problems, TigrisFile, _folder.LineOf(TigrisFile, "CDATA[ten]"), "'ten' is not a whole number");
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal("1", await ValueAsync(tigris.Key, HubContentTypes.Campaign.DisplayOrder, string.Empty));
        Assert.Equal("/campaigns/save-the-tigris/", await RouteAsync(tigris.Key, HubCultures.English));

        _folder.Write(TigrisFile, original);
        var fixedUp = await _store.ImportAsync(_folder.Path);

        Assert.Equal(ImportOutcome.Imported, fixedUp.Outcome);
        Assert.Equal(1, fixedUp.Counts.Content);
        Assert.Equal("/our-campaigns/save-the-tigris/", await RouteAsync(tigris.Key, HubCultures.English));
    }

    [Fact]
    public async Task A_Refused_Cold_Import_Writes_Nothing()
    {
        const string file = "ContentTypes/campaign.config";
        _folder.Replace(file, "<Type>Umbraco.Integer</Type>", "<Type>Umbraco.Decimal</Type>");

        var result = await _store.ImportAsync(_folder.Path);

        Assert.Equal(ImportOutcome.Refused, result.Outcome);
        ProblemAssert.HasOnly(result.Problems, file, _folder.LineOfEnclosing(file, "Umbraco.Decimal", "<GenericProperty>"), "says editor 'Umbraco.Decimal'");
        Assert.Empty(await SnapshotAsync());
    }

    [Fact]
    public async Task A_Refused_Import_Lists_Every_Problem_Of_Every_File()
    {
        const string numeric = "DataTypes/Numeric.config";
        const string karibu = "Content/karibu-foundation.config";
        _folder.Replace(numeric, "<![CDATA[{}]]>", "<![CDATA[{]]>");
        _folder.Replace(TigrisFile, "<![CDATA[1]]>", "<![CDATA[ten]]>");
        _folder.Replace(karibu, "<ContentType>partner</ContentType>", "<ContentType>sponsor</ContentType>");

        var result = await _store.ImportAsync(_folder.Path);

        Assert.Equal(ImportOutcome.Refused, result.Outcome);
        ProblemAssert.Has(result.Problems, numeric, _folder.LineOf(numeric, "<DataType Key="), "<Config> is not valid JSON");
        ProblemAssert.Has(result.Problems, TigrisFile, _folder.LineOf(TigrisFile, "CDATA[ten]"), "'ten' is not a whole number");
        ProblemAssert.Has(result.Problems, karibu, _folder.LineOf(karibu, "<Content Key="), "Document type 'sponsor' is not in the set");
        Assert.Equal(3, result.Problems.Count);
        Assert.Empty(await SnapshotAsync());
    }

    [Fact]
    public async Task A_Delete_Marker_Removes_The_Campaign_With_Its_Cultures_And_Values()
    {
        await _store.ImportAsync(_folder.Path);
        const string file = "Content/womens-rights.config";
        var womensRights = HubFolder.ContentIn(file);
        var udi = "umb://document/" + womensRights.Key.ToString("N");
        await using (var db = _store.NewContext())
        {
            Assert.True(await db.ContentCultures.AnyAsync(c => c.NodeKey == womensRights.Key));
            Assert.True(await db.PropertyValues.AnyAsync(v => v.NodeKey == womensRights.Key));
        }

        _folder.WriteEmptyMarker(file, womensRights.Key, womensRights.Name, "Delete");
        _folder.Edit(NewsFile, document =>
        {
            var value = document.Descendants(HubContentTypes.CampaignNews.Campaigns).Single().Element("Value")!;
            var picked = value.Value.Split(',').ToList();
            Assert.True(picked.Remove(udi), "The news should pick Women's Rights.");
            value.ReplaceNodes(new XCData(string.Join(',', picked)));
        });
        // The campaign sign-up form offers it too: a place must be a content item of the set.
        _folder.EditField(FormFiles.CampaignSignUp, "campaigns", field =>
        {
            var preValues = field["preValues"]!.AsArray();
            preValues.Remove(preValues.Single(p => (string?)p!["value"] == womensRights.Key.ToString()));
        });
        var nodesBefore = await CountNodesAsync();

        var result = await _store.ImportAsync(_folder.Path);

        Assert.Equal(ImportOutcome.Imported, result.Outcome);
        Assert.Equal((1, 1), (result.Counts.Content, result.Counts.Deleted));
        await using (var db = _store.NewContext())
        {
            Assert.False(await db.ContentNodes.AnyAsync(n => n.Key == womensRights.Key));
            Assert.False(await db.ContentCultures.AnyAsync(c => c.NodeKey == womensRights.Key));
            Assert.False(await db.PropertyValues.AnyAsync(v => v.NodeKey == womensRights.Key));
        }

        Assert.Equal(nodesBefore - 1, await CountNodesAsync());
        var news = HubFolder.ContentIn(NewsFile);
        Assert.DoesNotContain(udi, await ValueAsync(news.Key, HubContentTypes.CampaignNews.Campaigns, string.Empty), StringComparison.Ordinal);
        Assert.Equal("/campaigns/save-the-tigris/", await RouteAsync(HubFolder.ContentIn(TigrisFile).Key, HubCultures.English));
    }

    [Fact]
    public async Task A_Delete_Marker_Removes_A_Node_With_Its_Descendants()
    {
        await _store.ImportAsync(_folder.Path);
        const string file = "Content/icssi-conference-2014.config";
        var conference = HubFolder.ContentIn(file);
        var descendants = DescendantsOf(conference.Key);
        Assert.NotEmpty(descendants);
        var doomed = descendants.Select(d => d.Key).Append(conference.Key).ToList();

        _folder.WriteEmptyMarker(file, conference.Key, conference.Name, "Delete");
        foreach (var descendant in descendants)
        {
            _folder.Delete(descendant.Source.File);
        }

        // The conference's registration form books places at it and at its social event: it goes with them.
        _folder.Delete(FormFiles.Registration);

        var nodesBefore = await CountNodesAsync();

        var result = await _store.ImportAsync(_folder.Path);

        Assert.Equal(ImportOutcome.Imported, result.Outcome);
        Assert.Equal(doomed.Count, result.Counts.Deleted);
        Assert.Equal(nodesBefore - doomed.Count, await CountNodesAsync());
        await using var db = _store.NewContext();
        Assert.False(await db.ContentNodes.AnyAsync(n => doomed.Contains(n.Key)));
        Assert.False(await db.ContentCultures.AnyAsync(c => doomed.Contains(c.NodeKey)));
        Assert.False(await db.PropertyValues.AnyAsync(v => doomed.Contains(v.NodeKey)));
        Assert.True(await db.ContentNodes.AnyAsync(n => n.ContentTypeAlias == HubContentTypes.Conference.Alias));
    }

    [Fact]
    public async Task A_Culture_Unpublished_On_A_Parent_Takes_The_Routes_Below_It_In_That_Culture_Only()
    {
        await _store.ImportAsync(_folder.Path);
        var list = HubFolder.ContentIn(CampaignsFile);
        var campaigns = HubFolder.Set.Content.Where(c => c.ParentKey == list.Key).Select(c => c.Key).Append(list.Key).ToList();
        _folder.Replace(CampaignsFile, "<Published Culture=\"ar\">true</Published>", "<Published Culture=\"ar\">false</Published>");

        var result = await _store.ImportAsync(_folder.Path);

        Assert.Equal(ImportOutcome.Imported, result.Outcome);
        await using var db = _store.NewContext();
        var rows = await db.ContentCultures.Where(c => campaigns.Contains(c.NodeKey)).ToListAsync();
        Assert.All(rows.Where(r => r.Culture == HubCultures.Arabic), r => Assert.Null(r.Route));
        Assert.All(rows.Where(r => r.Culture == HubCultures.English), r => Assert.StartsWith("/campaigns/", r.Route, StringComparison.Ordinal));
        Assert.Equal(HubFolder.Set.Content.Where(c => campaigns.Contains(c.Key)).Sum(c => c.CultureNames.Count), rows.Count);
        Assert.False(rows.Single(r => r.NodeKey == list.Key && r.Culture == HubCultures.Arabic).Published);
        var tigris = HubFolder.ContentIn(TigrisFile);
        Assert.Null(await db.PropertyValues.Where(v => v.NodeKey == list.Key && v.Alias == HubContentTypes.PageHeader.Title && v.Culture == HubCultures.Arabic).Select(v => v.PublishedValue).SingleAsync());
        Assert.NotNull(await db.PropertyValues.Where(v => v.NodeKey == tigris.Key && v.Alias == HubContentTypes.PageHeader.Title && v.Culture == HubCultures.Arabic).Select(v => v.PublishedValue).SingleAsync());
    }

    [Fact]
    public async Task Moving_A_Node_Moves_The_Paths_Of_Its_Descendants_And_A_Later_Delete_Takes_Them()
    {
        await _store.ImportAsync(_folder.Path);
        const string file = "Content/icssi-conference-2014.config";
        var conference = HubFolder.ContentIn(file);
        var partners = HubFolder.ContentIn("Content/partners.config");
        var conferenceType = HubFolder.Set.ContentTypes.Single(t => t.Alias == HubContentTypes.Conference.Alias);
        _folder.Replace("ContentTypes/partnerlist.config", "  </Structure>",
            $"    <ContentType Key=\"{conferenceType.Key}\" SortOrder=\"1\">{conferenceType.Alias}</ContentType>\n  </Structure>");
        _folder.Replace(file, $"<Parent Key=\"{conference.ParentKey}\">", $"<Parent Key=\"{partners.Key}\">");
        var descendants = DescendantsOf(conference.Key).Select(d => d.Key).ToList();
        Assert.NotEmpty(descendants);

        var moved = await _store.ImportAsync(_folder.Path);

        Assert.Equal(ImportOutcome.Imported, moved.Outcome);
        Assert.Equal("/partners/icssi-conference-2014/register/", await RouteAsync(HubFolder.ContentIn("Content/register.config").Key, HubCultures.English));
        await using (var db = _store.NewContext())
        {
            var conferencePath = await db.ContentNodes.Where(n => n.Key == conference.Key).Select(n => n.Path).SingleAsync();
            Assert.Equal($"{partners.ParentKey},{partners.Key},{conference.Key}", conferencePath);
            var paths = await db.ContentNodes.Where(n => descendants.Contains(n.Key)).Select(n => n.Path).ToListAsync();
            Assert.All(paths, p => Assert.StartsWith(conferencePath + ",", p, StringComparison.Ordinal));
        }

        _folder.WriteEmptyMarker(file, conference.Key, conference.Name, "Delete");
        foreach (var descendant in DescendantsOf(conference.Key))
        {
            _folder.Delete(descendant.Source.File);
        }

        _folder.Delete(FormFiles.Registration);

        var deleted = await _store.ImportAsync(_folder.Path);

        Assert.Equal(1 + descendants.Count, deleted.Counts.Deleted);
        await using var after = _store.NewContext();
        Assert.False(await after.ContentNodes.AnyAsync(n => descendants.Contains(n.Key)));
    }

    [Fact]
    public async Task A_Content_Delete_Marker_Without_A_Key_Is_Not_Silently_Ignored()
    {
        await _store.ImportAsync(_folder.Path);
        const string file = "Content/social-event.config";
        var socialEvent = HubFolder.ContentIn(file);
        _folder.WriteEmptyMarker(file, Guid.Empty, socialEvent.Name, "Delete");

        var result = await _store.ImportAsync(_folder.Path);

        await using var db = _store.NewContext();
        var deleted = !await db.ContentNodes.AnyAsync(n => n.Key == socialEvent.Key);
        var told = result.Outcome == ImportOutcome.Refused && result.Problems.Any(p => p.Source.File == file);
        Assert.True(deleted || told, $"The marker neither deleted '{socialEvent.Name}' nor was refused: {result}");
    }

    [Fact]
    public async Task A_Forced_Import_Reimports_Everything()
    {
        await _store.ImportAsync(_folder.Path);
        var updatedBefore = await UpdateDatesAsync();

        var result = await _store.ImportAsync(_folder.Path, force: true);

        Assert.Equal(ImportOutcome.Imported, result.Outcome);
        var files = FileCounts();
        Assert.Equal(
            new ImportCounts(files.Values.Sum(), files["Languages"], files["DataTypes"], files["ContentTypes"], files["Content"], 0, files["Dictionary"], files["Forms"]),
            result.Counts);
        var updatedAfter = await UpdateDatesAsync();
        Assert.All(updatedAfter, n => Assert.True(n.Value > updatedBefore[n.Key], $"{n.Key} was not written again."));
    }

    [Fact]
    public async Task A_Settings_Import_Writes_The_Schema_And_A_Later_Full_Import_Adds_Only_The_Content()
    {
        var files = FileCounts();

        var settings = await _store.ImportAsync(_folder.Path, UsyncHandlers.SettingsGroup);

        Assert.Equal(ImportOutcome.Imported, settings.Outcome);
        Assert.Equal((files["Languages"], files["DataTypes"], files["ContentTypes"], 0), (settings.Counts.Languages, settings.Counts.DataTypes, settings.Counts.ContentTypes, settings.Counts.Content));
        Assert.Equal(0, await CountNodesAsync());

        var all = await _store.ImportAsync(_folder.Path);

        Assert.Equal(ImportOutcome.Imported, all.Outcome);
        Assert.Equal((0, 0, 0, files["Content"]), (all.Counts.Languages, all.Counts.DataTypes, all.Counts.ContentTypes, all.Counts.Content));
        Assert.Equal(files["Content"], await CountNodesAsync());
    }

    [Fact]
    public async Task A_Missing_Folder_Is_Refused()
    {
        var missing = Path.Combine(_folder.Root, "uSync", "v16");

        var result = await _store.ImportAsync(missing);

        Assert.Equal(ImportOutcome.Refused, result.Outcome);
        ProblemAssert.HasOnly(result.Problems, missing, 0, "does not exist");
    }

    private static Dictionary<string, int> FileCounts() =>
        UsyncHandlers.All.ToDictionary(h => h.Folder, h => HubFolder.FilesOf(h.Folder).Count);

    private static string Segment(UsyncContent node, string culture) => UmbracoStrings.UrlSegment(node.NameIn(culture), culture);

    private static List<UsyncContent> DescendantsOf(Guid key)
    {
        var children = HubFolder.Set.Content.Where(c => c.ParentKey == key).ToList();
        return [.. children, .. children.SelectMany(c => DescendantsOf(c.Key))];
    }

    private async Task<string?> RouteAsync(Guid node, string culture)
    {
        await using var db = _store.NewContext();
        return await db.ContentCultures.Where(c => c.NodeKey == node && c.Culture == culture).Select(c => c.Route).SingleOrDefaultAsync();
    }

    private async Task<string?> ValueAsync(Guid node, string alias, string culture)
    {
        await using var db = _store.NewContext();
        return await db.PropertyValues.Where(v => v.NodeKey == node && v.Alias == alias && v.Culture == culture).Select(v => v.Value).SingleAsync();
    }

    private async Task<int> CountNodesAsync()
    {
        await using var db = _store.NewContext();
        return await db.ContentNodes.CountAsync();
    }

    private async Task<Dictionary<Guid, DateTime>> UpdateDatesAsync()
    {
        await using var db = _store.NewContext();
        return await db.ContentNodes.ToDictionaryAsync(n => n.Key, n => n.UpdateDate);
    }

    /// <summary>Every stored row, as text, in a stable order.</summary>
    private async Task<List<string>> SnapshotAsync()
    {
        await using var db = _store.NewContext();
        var rows = new List<string>();
        rows.AddRange((await db.Languages.AsNoTracking().ToListAsync()).Select(l => $"L|{l.IsoCode}|{l.Name}|{l.IsDefault}|{l.IsMandatory}|{l.Fallback}"));
        rows.AddRange((await db.DataTypes.AsNoTracking().ToListAsync()).Select(d => $"D|{d.Key}|{d.Name}|{d.EditorAlias}|{d.EditorUiAlias}|{d.ConfigJson}"));
        rows.AddRange((await db.ContentTypes.AsNoTracking().ToListAsync()).Select(t =>
            $"T|{t.Key}|{t.Alias}|{t.Name}|{t.Variations}|{string.Join(',', t.Compositions.Select(c => c.Alias))}|{string.Join(',', t.Properties.Select(p => $"{p.Alias}:{p.DataTypeKey}:{p.Mandatory}"))}"));
        rows.AddRange((await db.ContentNodes.AsNoTracking().ToListAsync()).Select(n => $"N|{n.Key}|{n.ParentKey}|{n.Name}|{n.Level}|{n.SortOrder}|{n.Path}|{n.UpdateDate:O}"));
        rows.AddRange((await db.ContentCultures.AsNoTracking().ToListAsync()).Select(c => $"C|{c.NodeKey}|{c.Culture}|{c.Name}|{c.UrlSegment}|{c.Published}|{c.Route}"));
        rows.AddRange((await db.PropertyValues.AsNoTracking().ToListAsync()).Select(v => $"V|{v.NodeKey}|{v.Alias}|{v.Culture}|{v.Segment}|{v.Value}|{v.PublishedValue}"));
        rows.AddRange((await db.SyncFiles.AsNoTracking().ToListAsync()).Select(f => $"F|{f.Path}|{f.ItemType}|{f.Hash}"));
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    [Fact]
    public async Task A_Data_Type_Found_By_Name_Under_Another_Key_Takes_The_Key_Of_Its_File()
    {
        await _store.ImportAsync(_folder.Path);
        const string textstringFile = "DataTypes/Textstring.config";
        var oldKey = HubFolder.Set.DataTypes.Single(d => d.Source.File == textstringFile).Key;
        var newKey = Guid.Parse("5b0d8a0e-6f61-4c1e-9a53-3f1f2d6c7a11");
        foreach (var file in Directory.EnumerateFiles(_folder.Path, "*.config", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(_folder.Path, file);
            var text = _folder.Read(relative);
            if (text.Contains(oldKey.ToString(), StringComparison.Ordinal))
            {
                _folder.Write(relative, text.Replace(oldKey.ToString(), newKey.ToString(), StringComparison.Ordinal));
            }
        }

        var result = await _store.ImportAsync(_folder.Path);

        Assert.Equal(ImportOutcome.Imported, result.Outcome);
        await using var db = _store.NewContext();
        var textstrings = await db.DataTypes.Where(d => d.Name == "Textstring").ToListAsync();
        Assert.Equal(newKey, Assert.Single(textstrings).Key);
        var campaign = await db.ContentTypes.SingleAsync(t => t.Alias == HubContentTypes.Campaign.Alias);
        Assert.Equal(newKey, campaign.Properties.Single(p => p.Alias == HubContentTypes.Campaign.Hashtag).DataTypeKey);
    }
}
