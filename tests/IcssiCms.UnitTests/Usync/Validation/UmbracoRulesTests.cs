using IcssiCms.UnitTests.Support;

namespace IcssiCms.UnitTests.Usync.Validation;

/// <summary>
/// What Umbraco's services take but Umbraco would later refuse (its back office, when the type is next saved): each
/// test breaks one rule in a copy of the hub's folder and checks the import refuses it, naming file and line.
/// </summary>
public sealed class UmbracoRulesTests : IDisposable
{
    private const string PageHeader = "ContentTypes/pageheader.config";
    private const string SeoControls = "ContentTypes/seocontrols.config";
    private const string Campaign = "ContentTypes/campaign.config";

    private readonly TempUsyncFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_Hubs_Own_Folder_Breaks_None_Of_Them() =>
        Assert.Empty(ProblemAssert.ValidationProblemsOf(_folder.Path));

    [Fact]
    public void Cannot_Import_Compositions_That_Form_A_Cycle()
    {
        _folder.Replace(SeoControls, "<Compositions />",
            "<Compositions>\n      <Composition Key=\"ccafa680-a9bb-5ee6-b047-cf94bd651773\">pageHeader</Composition>\n    </Compositions>");
        _folder.Replace(PageHeader, "<Compositions />",
            "<Compositions>\n      <Composition Key=\"5075f922-8a19-5cb3-80e3-fda361957009\">seoControls</Composition>\n    </Compositions>");

        var problems = ProblemAssert.ValidationProblemsOf(_folder.Path);

        var cycle = Assert.Single(problems, p => p.Message.Contains("cycle"));
        Assert.Contains(cycle.Source.File, new[] { PageHeader, SeoControls });
        Assert.True(cycle.Message.Contains("pageHeader → seoControls → pageHeader") || cycle.Message.Contains("seoControls → pageHeader → seoControls"), cycle.Message);
    }

    [Fact]
    public void Cannot_Import_A_Property_Alias_Umbraco_Reserves()
    {
        _folder.Replace(Campaign, "<Alias>hashtag</Alias>", "<Alias>level</Alias>");

        var problems = ProblemAssert.ValidationProblemsOf(_folder.Path);

        ProblemAssert.HasOnly(problems, Campaign, _folder.LineOfEnclosing(Campaign, "<Alias>level</Alias>", "<GenericProperty>"),
            "Property alias 'level' is reserved by Umbraco");
    }

    [Fact]
    public void Cannot_Import_A_Property_Alias_Equal_To_Its_Types_Alias()
    {
        _folder.Replace(Campaign, "<Alias>hashtag</Alias>", "<Alias>campaign</Alias>");

        var problems = ProblemAssert.ValidationProblemsOf(_folder.Path);

        ProblemAssert.HasOnly(problems, Campaign, _folder.LineOfEnclosing(Campaign, "<Alias>campaign</Alias>", "<GenericProperty>"),
            "Property alias 'campaign' is the alias of its document type");
    }

    [Fact]
    public void Cannot_Import_A_Property_Alias_That_Is_Not_Safe()
    {
        _folder.Replace(Campaign, "<Alias>hashtag</Alias>", "<Alias>hash tag!</Alias>");

        var problems = ProblemAssert.ValidationProblemsOf(_folder.Path);

        ProblemAssert.Has(problems, Campaign, _folder.LineOfEnclosing(Campaign, "<Alias>hash tag!</Alias>", "<GenericProperty>"),
            "Property alias 'hash tag!' is not an alias Umbraco accepts");
    }

    [Fact]
    public void Cannot_Import_A_Tab_That_A_Composition_Has_As_A_Group()
    {
        _folder.Edit(PageHeader, document =>
        {
            var tab = document.Descendants("Tabs").Single().Elements("Tab").Single();
            tab.Element("Type")!.Value = "Group";
        });

        var problems = ProblemAssert.ValidationProblemsOf(_folder.Path);

        ProblemAssert.Has(problems, Campaign, _folder.LineOf(Campaign, "<Tab>", after: "<Tabs>"),
            "'content' is a tab here but a group in composition 'pageHeader'");
    }
}
