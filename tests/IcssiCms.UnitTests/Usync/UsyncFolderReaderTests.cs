using System.Text.RegularExpressions;
using IcssiCms.Core.Schema;
using IcssiCms.UnitTests.Support;
using IcssiCms.Usync;
using IcssiCms.Usync.Model;
using IcssiCms.Usync.Validation;

namespace IcssiCms.UnitTests.Usync;

public sealed partial class UsyncFolderReaderTests
{
    /// <summary>The six campaigns of the Iraqi Social Forum, as the hub's introduction lists them.</summary>
    public static readonly string[] SixCampaigns =
    [
        "Save the Tigris", "Freedom of Expression", "Workers' Rights", "Women's Rights", "Sports Against Violence",
        "Stop Private Military and Security Companies",
    ];

    [Fact]
    public void Can_Read_The_Hub_Folder_Without_Problems()
    {
        var read = new UsyncFolderReader().Read(HubFolder.Path);
        Assert.True(read.IsValid, ProblemAssert.Describe(read.Problems));

        var problems = new UsyncSetValidator().Validate(read.Set);
        Assert.True(problems.Count == 0, ProblemAssert.Describe(problems));
    }

    [Fact]
    public void Reads_One_Item_For_Every_File_Of_Each_Handler()
    {
        var set = HubFolder.Set;

        Assert.Equal(HubFolder.FilesOf(UsyncHandlers.Languages.Folder).Count, set.Languages.Count);
        Assert.Equal(HubFolder.FilesOf(UsyncHandlers.DataTypes.Folder).Count, set.DataTypes.Count);
        Assert.Equal(HubFolder.FilesOf(UsyncHandlers.ContentTypes.Folder).Count, set.ContentTypes.Count);
        Assert.Equal(HubFolder.FilesOf(UsyncHandlers.Content.Folder).Count, set.Content.Count);
        Assert.Equal(HubFolder.FilesOf(UsyncHandlers.Dictionary.Folder).Count, set.Dictionary.Count);
        Assert.Equal(HubFolder.FilesOf(UsyncHandlers.Forms.Folder).Count, set.Forms.Count);
        Assert.Empty(set.Deletes);

        var everyFile = UsyncHandlers.All.SelectMany(h => HubFolder.FilesOf(h.Folder)).Order(StringComparer.Ordinal);
        Assert.Equal(everyFile, set.Files.Select(f => f.Path).Order(StringComparer.Ordinal));
        Assert.All(set.Files, f => Assert.Matches("^[0-9a-f]{64}$", f.Hash));
    }

    [Fact]
    public void The_Hub_Has_Every_Document_Type_Of_The_Schema_Contract()
    {
        Assert.Equal(
            HubContentTypes.All.Order(StringComparer.Ordinal),
            HubFolder.Set.ContentTypes.Select(t => t.Alias).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_Hub_Speaks_English_By_Default_And_Arabic_And_Sorani_Kurdish()
    {
        var languages = HubFolder.Set.Languages;

        Assert.Equal(HubCultures.All.Order(StringComparer.Ordinal), languages.Select(l => l.IsoCode).Order(StringComparer.Ordinal));
        var byDefault = Assert.Single(languages, l => l.IsDefault);
        Assert.Equal(HubCultures.English, byDefault.IsoCode);
        Assert.All(languages.Where(l => !l.IsDefault), l => Assert.Equal(HubCultures.English, l.Fallback));
    }

    [Fact]
    public void The_Six_Campaigns_Sit_Under_Campaigns_With_Arabic_Names()
    {
        var set = HubFolder.Set;
        var list = Assert.Single(set.Content, c => c.ContentTypeAlias == HubContentTypes.CampaignList.Alias);
        Assert.Equal("Campaigns", list.NameIn(HubCultures.English));
        Assert.Matches(ArabicLetters(), list.NameIn(HubCultures.Arabic));

        var campaigns = set.Content.Where(c => c.ParentKey == list.Key).ToList();
        Assert.All(campaigns, c => Assert.Equal(HubContentTypes.Campaign.Alias, c.ContentTypeAlias));
        Assert.Equal(SixCampaigns.Order(StringComparer.Ordinal), campaigns.Select(c => c.NameIn(HubCultures.English)).Order(StringComparer.Ordinal));
        Assert.All(campaigns, c =>
        {
            var arabic = c.NameIn(HubCultures.Arabic);
            Assert.True(c.CultureNames.ContainsKey(HubCultures.Arabic), $"'{c.Name}' has no Arabic name.");
            Assert.Matches(ArabicLetters(), arabic);
            Assert.NotEqual(c.NameIn(HubCultures.English), arabic);
        });
        Assert.Equal(
            campaigns.Count,
            set.Content.Count(c => c.ContentTypeAlias == HubContentTypes.Campaign.Alias));
    }

    [Fact]
    public void Cannot_Read_A_File_That_Is_Not_Well_Formed_Xml()
    {
        using var folder = new TempUsyncFolder();
        const string file = "Content/save-the-tigris.config";
        folder.Replace(file, "</title>", "</titel>");

        var read = new UsyncFolderReader().Read(folder.Path);

        var problem = ProblemAssert.HasOnly(read.Problems, file, folder.LineOf(file, "</titel>"), "Not well-formed XML");
        Assert.Contains("titel", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cannot_Read_A_Folder_Without_The_Usync_Config_Marker()
    {
        using var folder = new TempUsyncFolder();
        folder.Delete(UsyncFolderReader.MarkerFile);

        var read = new UsyncFolderReader().Read(folder.Path);

        ProblemAssert.HasOnly(read.Problems, UsyncFolderReader.MarkerFile, 0, "usync.config marker is missing", "not a uSync folder");
    }

    [Fact]
    public void Cannot_Read_A_Folder_That_Does_Not_Exist()
    {
        using var folder = new TempUsyncFolder();
        var missing = Path.Combine(folder.Root, "uSync", "v16");

        var read = new UsyncFolderReader().Read(missing);

        ProblemAssert.HasOnly(read.Problems, missing, 0, "does not exist");
        Assert.Empty(read.Set.Content);
    }

    [Fact]
    public void Cannot_Read_A_Marker_Of_A_Format_Older_Than_Usync_17_Writes()
    {
        using var folder = new TempUsyncFolder();
        folder.Replace(UsyncFolderReader.MarkerFile, "format=\"10.7.0\"", "format=\"9.2.0\"");

        var read = new UsyncFolderReader().Read(folder.Path);

        var problem = Assert.Single(read.Problems);
        Assert.Equal(UsyncFolderReader.MarkerFile, problem.Source.File);
        Assert.Contains("'9.2.0' is older than 10.7.0", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Marker_Problem_Names_The_Line_Of_The_USync_Element()
    {
        using var folder = new TempUsyncFolder();
        folder.Replace(UsyncFolderReader.MarkerFile, "format=\"10.7.0\"", "format=\"9.2.0\"");

        var read = new UsyncFolderReader().Read(folder.Path);

        ProblemAssert.HasOnly(read.Problems, UsyncFolderReader.MarkerFile, folder.LineOf(UsyncFolderReader.MarkerFile, "<uSync "), "older than");
    }

    [Fact]
    public void Cannot_Read_A_File_Whose_Root_Element_Does_Not_Belong_In_Its_Handler_Folder()
    {
        using var folder = new TempUsyncFolder();
        const string file = "DataTypes/Truefalse.config";
        folder.Replace(file, "<DataType Key=", "<ContentType Key=");
        folder.Replace(file, "</DataType>", "</ContentType>");

        var read = new UsyncFolderReader().Read(folder.Path);

        ProblemAssert.HasOnly(read.Problems, file, folder.LineOf(file, "<ContentType Key="),
            "<ContentType> does not belong in DataTypes/", "<DataType> or <Empty>");
    }

    [Fact]
    public void Cannot_Read_A_Clean_Marker()
    {
        using var folder = new TempUsyncFolder();
        const string file = "Content/social-event.config";
        var node = HubFolder.ContentIn(file);
        folder.WriteEmptyMarker(file, node.Key, node.Name, "Clean");

        var read = new UsyncFolderReader().Read(folder.Path);

        ProblemAssert.HasOnly(read.Problems, file, folder.LineOf(file, "<Empty "), "Clean markers", "not supported");
    }

    [Fact]
    public void Cannot_Read_An_Empty_Marker_With_An_Unknown_Change()
    {
        using var folder = new TempUsyncFolder();
        const string file = "Content/social-event.config";
        var node = HubFolder.ContentIn(file);
        folder.WriteEmptyMarker(file, node.Key, node.Name, "Remove");

        var read = new UsyncFolderReader().Read(folder.Path);

        ProblemAssert.HasOnly(read.Problems, file, folder.LineOf(file, "<Empty "), "Change 'Remove'", "expected Delete, Rename, None or Clean");
    }

    [Fact]
    public void Reads_A_Delete_Marker_As_The_Deletion_Of_Its_Item()
    {
        using var folder = new TempUsyncFolder();
        const string file = "Content/social-event.config";
        var node = HubFolder.ContentIn(file);
        folder.WriteEmptyMarker(file, node.Key, node.Name, "Delete");

        var read = new UsyncFolderReader().Read(folder.Path);

        Assert.True(read.IsValid, ProblemAssert.Describe(read.Problems));
        var delete = Assert.Single(read.Set.Deletes);
        Assert.Equal((UsyncItemType.Content, node.Key, node.Name), (delete.ItemType, delete.Key, delete.Alias));
        Assert.Equal(new SourceLocation(file, folder.LineOf(file, "<Empty ")), delete.Source);
        Assert.DoesNotContain(read.Set.Content, c => c.Key == node.Key);
    }

    [Fact]
    public void Ignores_A_Rename_Marker()
    {
        using var folder = new TempUsyncFolder();
        const string file = "Content/social-event.config";
        var node = HubFolder.ContentIn(file);
        folder.WriteEmptyMarker(file, node.Key, node.Name, "Rename");

        var read = new UsyncFolderReader().Read(folder.Path);

        Assert.True(read.IsValid, ProblemAssert.Describe(read.Problems));
        Assert.Empty(read.Set.Deletes);
        Assert.DoesNotContain(read.Set.Content, c => c.Key == node.Key);
        Assert.Contains(read.Set.Files, f => f.Path == file);
    }

    [Fact]
    public void Reads_Item_Files_In_Subfolders_Whatever_Their_Names()
    {
        using var folder = new TempUsyncFolder();
        const string file = "Content/save-the-tigris.config";
        var moved = "Content/Campaigns/anything.config";
        Directory.CreateDirectory(folder.FullPath("Content/Campaigns"));
        File.Move(folder.FullPath(file), folder.FullPath(moved));

        var read = new UsyncFolderReader().Read(folder.Path);

        Assert.True(read.IsValid, ProblemAssert.Describe(read.Problems));
        var node = Assert.Single(read.Set.Content, c => c.Key == HubFolder.ContentIn(file).Key);
        Assert.Equal(moved, node.Source.File);
    }

    [GeneratedRegex(@"\p{IsArabic}")]
    private static partial Regex ArabicLetters();
}
