using System.Text;
using IcssiCms.UnitTests.Support;
using IcssiCms.Usync;
using IcssiCms.Usync.Model;
using IcssiCms.Usync.Writing;

namespace IcssiCms.UnitTests.Usync.Writing;

/// <summary>The folder writer over the real hub folder: what uSync/v17 holds is what writing its set gives, byte for byte.</summary>
public sealed class UsyncFolderWriterTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "icssi-writer-" + Guid.NewGuid().ToString("N"));

    private string Output => Path.Combine(_root, "out");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
            // Left for the system to clean.
        }
    }

    [Fact]
    public void Writing_The_Set_Read_From_The_Hub_Folder_Gives_Its_Files_Byte_For_Byte()
    {
        var result = new UsyncFolderWriter().Write(HubFolder.Set, Output, UsyncWriteOptions.SchemaAndContent);

        FolderComparison.AssertSameFiles(HubFolder.Path, Output);
        Assert.Equal(FolderComparison.FilesOf(HubFolder.Path).Count, result.Written.Count);
        Assert.Empty(result.Unchanged);
        Assert.Empty(result.Deleted);
    }

    [Fact]
    public void Writing_Twice_Gives_The_Same_Bytes_And_The_Second_Write_Touches_Nothing()
    {
        var writer = new UsyncFolderWriter();
        var first = writer.Render(HubFolder.Set, UsyncWriteOptions.SchemaAndContent);
        var second = writer.Render(HubFolder.Set, UsyncWriteOptions.SchemaAndContent);
        Assert.Equal(first.Select(f => f.Path), second.Select(f => f.Path));
        Assert.All(first.Zip(second), pair => Assert.Equal(pair.First.Bytes, pair.Second.Bytes));

        writer.Write(HubFolder.Set, Output, UsyncWriteOptions.SchemaAndContent);
        var stamps = FolderComparison.FilesOf(Output).ToDictionary(f => f, f => File.GetLastWriteTimeUtc(Path.Combine(Output, f)));
        var again = writer.Write(HubFolder.Set, Output, UsyncWriteOptions.SchemaAndContent);

        Assert.Empty(again.Written);
        Assert.Equal(first.Count, again.Unchanged.Count);
        Assert.All(stamps, s => Assert.Equal(s.Value, File.GetLastWriteTimeUtc(Path.Combine(Output, s.Key))));
    }

    [Fact]
    public void The_Order_Of_The_Set_Does_Not_Change_A_Byte()
    {
        var set = HubFolder.Set;
        var shuffled = set with
        {
            Languages = set.Languages.Reverse().ToList(),
            DataTypes = set.DataTypes.Reverse().ToList(),
            ContentTypes = set.ContentTypes.Reverse().Select(t => t with
            {
                Properties = t.Properties.Reverse().ToList(),
                Tabs = t.Tabs.Reverse().ToList(),
                Compositions = t.Compositions.Reverse().ToList(),
                AllowedChildren = t.AllowedChildren.Reverse().ToList(),
            }).ToList(),
            Content = set.Content.Reverse().Select(c => c with
            {
                Properties = c.Properties.Reverse().ToList(),
                CultureNames = c.CultureNames.Reverse().ToDictionary(),
                PublishedCultures = c.PublishedCultures.Reverse().ToDictionary(),
            }).ToList(),
            Dictionary = set.Dictionary.Reverse().Select(d => d with { Translations = d.Translations.Reverse().ToDictionary() }).ToList(),
            Forms = set.Forms.Reverse().ToList(),
        };

        var writer = new UsyncFolderWriter();
        var expected = writer.Render(set, UsyncWriteOptions.SchemaAndContent);
        var actual = writer.Render(shuffled, UsyncWriteOptions.SchemaAndContent);

        Assert.Equal(expected.Select(f => f.Path), actual.Select(f => f.Path));
        Assert.All(expected.Zip(actual), pair => Assert.Null(FolderComparison.Difference(pair.First.Path, pair.First.Bytes, pair.Second.Bytes)));
    }

    [Fact]
    public void A_Changed_Item_Changes_Only_Its_Own_File()
    {
        var set = HubFolder.Set;
        var writer = new UsyncFolderWriter();
        writer.Write(set, Output, UsyncWriteOptions.SchemaAndContent);

        var tigris = HubFolder.ContentIn("Content/save-the-tigris.config");
        var textstring = set.DataTypes.Single(d => d.Name == "Textstring");
        var changed = set with
        {
            Content = set.Content.Select(c => c.Key != tigris.Key ? c : c with
            {
                Properties = c.Properties.Select(v => v.Alias == "title" && v.Culture == "en-US" ? v with { Value = "Save the Tigris!" } : v).ToList(),
            }).ToList(),
            DataTypes = set.DataTypes.Select(d => d.Key != textstring.Key ? d : d with { ConfigJson = "{\n  \"maxChars\": 500\n}" }).ToList(),
        };

        var result = writer.Write(changed, Output, UsyncWriteOptions.SchemaAndContent);

        Assert.Equal(["Content/save-the-tigris.config", "DataTypes/Textstring.config"], result.Written.Order(StringComparer.Ordinal));
        Assert.Contains("<Value Culture=\"en-US\"><![CDATA[Save the Tigris!]]></Value>", File.ReadAllText(Path.Combine(Output, "Content/save-the-tigris.config")), StringComparison.Ordinal);
        Assert.Equal("{\n  \"maxChars\": 500\n}", new UsyncFolderReader().Read(Output).Set.DataTypes.Single(d => d.Key == textstring.Key).ConfigJson);
    }

    [Fact]
    public void Schema_Only_Writes_No_Content_And_Leaves_Other_Files_Alone()
    {
        var stray = Path.Combine(Output, "Content", "kept.config");
        var strayType = Path.Combine(Output, "ContentTypes", "gone.config");
        Directory.CreateDirectory(Path.GetDirectoryName(stray)!);
        Directory.CreateDirectory(Path.GetDirectoryName(strayType)!);
        File.WriteAllText(stray, "<Content />");
        File.WriteAllText(strayType, "<ContentType />");

        var result = new UsyncFolderWriter().Write(HubFolder.Set, Output, UsyncWriteOptions.Schema);

        Assert.DoesNotContain(result.Written, f => f.StartsWith("Content/", StringComparison.Ordinal));
        Assert.Contains("Forms/campaign-sign-up.config", result.Written);
        Assert.Contains("Dictionary/forms.signup.config", result.Written);
        Assert.True(File.Exists(stray));
        Assert.True(File.Exists(strayType));
        Assert.Empty(result.Deleted);
    }

    [Fact]
    public void Clean_Deletes_Stale_Config_Files_Only_Under_The_Folders_It_Writes()
    {
        var stray = Path.Combine(Output, "Content", "kept.config");
        var strayType = Path.Combine(Output, "ContentTypes", "Nested", "gone.config");
        var notConfig = Path.Combine(Output, "ContentTypes", "readme.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(stray)!);
        Directory.CreateDirectory(Path.GetDirectoryName(strayType)!);
        File.WriteAllText(stray, "<Content />");
        File.WriteAllText(strayType, "<ContentType />");
        File.WriteAllText(notConfig, "notes");

        var result = new UsyncFolderWriter().Write(HubFolder.Set, Output, UsyncWriteOptions.Schema with { Clean = true });

        Assert.Equal(["ContentTypes/Nested/gone.config"], result.Deleted);
        Assert.False(File.Exists(strayType));
        Assert.True(File.Exists(stray));
        Assert.True(File.Exists(notConfig));
    }

    [Fact]
    public void The_Marker_Names_The_Version_And_Format()
    {
        var text = Encoding.UTF8.GetString(UsyncFolderWriter.Marker("17.3.5.0"));
        Assert.Equal("\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<uSync version=\"17.3.5.0\" format=\"10.7.0\" />", text);
    }
}
