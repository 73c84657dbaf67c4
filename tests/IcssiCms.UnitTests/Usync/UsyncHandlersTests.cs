using IcssiCms.Usync;

namespace IcssiCms.UnitTests.Usync;

public sealed class UsyncHandlersTests
{
    [Theory]
    [InlineData(null, "Languages,Dictionary,DataTypes,ContentTypes,Content,Forms")]
    [InlineData("All", "Languages,Dictionary,DataTypes,ContentTypes,Content,Forms")]
    [InlineData("Settings", "Languages,DataTypes,ContentTypes")]
    [InlineData("content", "Dictionary,Content")]
    [InlineData("Forms", "Forms")]
    [InlineData("Settings,Content", "Languages,Dictionary,DataTypes,ContentTypes,Content")]
    [InlineData("Settings,Content,Forms", "Languages,Dictionary,DataTypes,ContentTypes,Content,Forms")]
    public void A_Group_Setting_Selects_The_Handlers_Of_Its_Groups_As_USync_Does(string? groups, string folders)
    {
        Assert.Equal(folders.Split(','), UsyncHandlers.InGroups(groups).Select(h => h.Folder));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData(" None ", true)]
    [InlineData("off", true)]
    [InlineData("False", true)]
    [InlineData("Settings", false)]
    [InlineData("All", false)]
    public void Import_Is_Off_For_None_Off_False_Or_Blank(string groups, bool off)
    {
        Assert.Equal(off, UsyncHandlers.IsOff(groups));
    }

    [Fact]
    public void Handlers_Run_Languages_Dictionary_Data_Types_Document_Types_Content_Then_Forms()
    {
        Assert.Equal(UsyncHandlers.All.OrderBy(h => h.Priority), UsyncHandlers.All);
        Assert.Equal(["Languages", "Dictionary", "DataTypes", "ContentTypes", "Content", "Forms"], UsyncHandlers.All.Select(h => h.Folder));
    }

    [Fact]
    public void The_Forms_Handler_Is_USync_Forms_One_And_The_Dictionary_Handler_Is_In_The_Content_Group()
    {
        Assert.Equal(("Forms", "forms-form", "Forms"), (UsyncHandlers.Forms.Folder, UsyncHandlers.Forms.ElementName, UsyncHandlers.Forms.Group));
        Assert.Equal(("Dictionary", "Dictionary", "Content"), (UsyncHandlers.Dictionary.Folder, UsyncHandlers.Dictionary.ElementName, UsyncHandlers.Dictionary.Group));
        Assert.True(UsyncHandlers.Dictionary.Priority < UsyncHandlers.DataTypes.Priority);
        Assert.True(UsyncHandlers.Forms.Priority > UsyncHandlers.Content.Priority);
    }
}
