using System.Text;
using IcssiCms.UnitTests.Support;
using IcssiCms.Usync;
using IcssiCms.Usync.Model;
using IcssiCms.Usync.Writing;
using Umbraco.Cms.Core.Models;

namespace IcssiCms.UnitTests.Usync.Writing;

/// <summary>The item writers one by one: keys, names, empty elements, and values that XML has to escape.</summary>
public sealed class ItemWriterTests : IDisposable
{
    private static readonly SourceLocation Nowhere = new("test", 0);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "icssi-items-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("en-US", "eec79294-0000-0000-0000-000000000000")]
    [InlineData("ar", "0d763097-0000-0000-0000-000000000000")]
    [InlineData("ckb", "7a50032a-0000-0000-0000-000000000000")]
    public void A_Language_Key_Is_Made_Up_From_The_Culture_As_uSync_Does(string isoCode, string key) =>
        Assert.Equal(Guid.Parse(key), LanguageWriter.KeyOf(isoCode));

    [Theory]
    [InlineData("True/false", "Truefalse")]
    [InlineData("[MNTP] Campaigns", "MNTPCampaigns")]
    [InlineData("Date Picker with time", "DatePickerwithtime")]
    public void Data_Types_Are_Named_By_A_Safe_Alias_Of_The_Name(string name, string file) =>
        Assert.Equal(file, new DataTypeWriter().FileBaseName(new UsyncDataType(Guid.NewGuid(), name, 1, "Umbraco.TextBox", "Umb.PropertyEditorUi.TextBox", "{}", null, Nowhere)));

    [Theory]
    [InlineData("Women's Rights", "womens-rights")]
    [InlineData("Hope for Peace and Development in Iraq: Meet the Iraqi Social Forum", "hope-for-peace-and-development-in-iraq-meet-the-iraqi-social-forum")]
    [InlineData("Un ponte per…", "un-ponte-per")]
    public void Content_Is_Named_By_A_Safe_File_Name_Of_The_Node_Name(string name, string file) =>
        Assert.Equal(file, new ContentWriter().FileBaseName(Node(Guid.NewGuid(), name, Guid.Empty)));

    [Fact]
    public void Dictionary_Items_Keep_Every_Dot_Of_Their_Key() =>
        Assert.Equal("forms.attend.socialevent", new DictionaryWriter().FileBaseName(new UsyncDictionaryItem(Guid.NewGuid(), "Forms.Attend.SocialEvent", "Forms.Attend", 2, new Dictionary<string, string>(), Nowhere)));

    [Fact]
    public void Empty_Lists_And_Invariant_Nodes_Are_Written_As_uSync_Writes_Them()
    {
        var root = Node(Guid.Parse("11111111-2222-3333-4444-555555555555"), "Home", Guid.Empty);
        var text = Text(new ContentWriter([root]).ToBytes(root));

        Assert.Contains("<Parent Key=\"00000000-0000-0000-0000-000000000000\"></Parent>", text, StringComparison.Ordinal);
        Assert.Contains("<Path>/Home</Path>", text, StringComparison.Ordinal);
        Assert.Contains("<NodeName Default=\"Home\" />", text, StringComparison.Ordinal);
        Assert.Contains("<Published Default=\"true\" />", text, StringComparison.Ordinal);
        Assert.Contains("<Properties />", text, StringComparison.Ordinal);

        var type = new UsyncContentType(Guid.NewGuid(), "empty", 1, "Empty", "icon-document", string.Empty, true, ContentVariation.Nothing, false, null, [], [], [], [], Nowhere);
        var typeText = Text(new ContentTypeWriter().ToBytes(type));
        foreach (var empty in new[] { "<Compositions />", "<AllowedTemplates />", "<Structure />", "<GenericProperties />", "<Tabs />", "<Description></Description>", "<AllowAtRoot>True</AllowAtRoot>" })
        {
            Assert.Contains(empty, typeText, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("<Folder>", typeText, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_XML_Has_To_Escape_Read_Back_As_They_Were()
    {
        var home = Node(Guid.NewGuid(), "Home & <Away>", Guid.Empty) with
        {
            Properties = [new UsyncPropertyValue("body", null, null, "a ]]> b <p>&amp;</p>\nline two", 0)],
        };
        var dictionary = new UsyncDictionaryItem(Guid.NewGuid(), "Odd", null, 0, new Dictionary<string, string> { ["en-US"] = "1 < 2 & \"3\" > 0" }, Nowhere);
        var set = UsyncSet.Empty with { Content = [home], Dictionary = [dictionary] };

        new UsyncFolderWriter().Write(set, _folder, UsyncWriteOptions.SchemaAndContent);
        var read = new UsyncFolderReader().Read(_folder, [UsyncHandlers.Content, UsyncHandlers.Dictionary]);

        Assert.True(read.IsValid, ProblemAssert.Describe(read.Problems));
        Assert.Equal("Home & <Away>", read.Set.Content.Single().Name);
        Assert.Equal("a ]]> b <p>&amp;</p>\nline two", read.Set.Content.Single().Properties.Single().Value);
        Assert.Equal("1 < 2 & \"3\" > 0", read.Set.Dictionary.Single().Translations["en-US"]);
    }

    [Fact]
    public void Items_That_Would_Share_A_File_Get_uSyncs_Short_Key_Suffix_And_Bad_Names_Are_Wrapped()
    {
        var parent = Node(Guid.Parse("00000000-0000-0000-0000-000000000001"), "News", Guid.Empty);
        var child = Node(Guid.Parse("ffffffff-0000-0000-0000-000000000002"), "News", parent.Key) with { Level = 2 };
        var web = Node(Guid.Parse("00000000-0000-0000-0000-000000000003"), "Web", Guid.Empty) with { SortOrder = 1 };
        var set = UsyncSet.Empty with { Content = [child, web, parent] };

        var files = new UsyncFolderWriter().Render(set, UsyncWriteOptions.SchemaAndContent).Select(f => f.Path).ToList();

        var suffix = UsyncFileNames.ShortKey(child.Key);
        Assert.Equal(8, suffix.Length);
        Assert.Matches("^[a-z0-5]{8}$", suffix);
        Assert.Equal(["usync.config", "Content/__web__.config", "Content/news.config", $"Content/news_{suffix}.config"], files);
    }

    [Fact]
    public void A_Field_Condition_And_Workflow_Settings_Are_Written_As_uSync_Forms_Writes_Them()
    {
        var form = HubFolder.Set.Forms.Single(f => f.Alias == "icssiConference2014Registration");
        var text = Text(new FormWriter().ToBytes(form));

        Assert.Contains("<Settings><![CDATA[{\"emailField\":\"email\",\"nameField\":\"name\",\"placesField\":\"attend\",\"consentField\":\"consent\"}]]></Settings>", text, StringComparison.Ordinal);
        Assert.Contains("\"enabled\": true,", text, StringComparison.Ordinal);
        Assert.EndsWith("\n]\n]]></Pages>\n</forms-form>", text, StringComparison.Ordinal);
    }

    private static UsyncContent Node(Guid key, string name, Guid parent) => new(
        key, name, 1, parent, string.Empty, false, "page", new DateTime(2026, 11, 26), 0,
        new Dictionary<string, string>(), true, new Dictionary<string, bool>(), [], Nowhere);

    private static string Text(byte[] bytes)
    {
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
    }
}
