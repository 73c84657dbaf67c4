using IcssiCms.Usync;

namespace IcssiCms.UnitTests.Usync;

public sealed class UsyncHandlersTests
{
    [Theory]
    [InlineData(null, "Languages,DataTypes,ContentTypes,Content")]
    [InlineData("All", "Languages,DataTypes,ContentTypes,Content")]
    [InlineData("Settings", "Languages,DataTypes,ContentTypes")]
    [InlineData("content", "Content")]
    [InlineData("Settings,Content", "Languages,DataTypes,ContentTypes,Content")]
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
    public void Handlers_Run_Languages_Then_Data_Types_Then_Document_Types_Then_Content()
    {
        Assert.Equal(UsyncHandlers.All.OrderBy(h => h.Priority), UsyncHandlers.All);
        Assert.Equal(["Languages", "DataTypes", "ContentTypes", "Content"], UsyncHandlers.All.Select(h => h.Folder));
    }
}
