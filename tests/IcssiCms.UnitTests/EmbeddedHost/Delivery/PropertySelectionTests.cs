using IcssiCms.EmbeddedHost.Delivery.Rendering;

namespace IcssiCms.UnitTests.EmbeddedHost.Delivery;

public sealed class PropertySelectionTests
{
    [Fact]
    public void Can_Read_All_Properties()
    {
        Assert.True(PropertySelection.TryParse("properties[$all]", PropertySelection.None, out var selection));

        Assert.True(selection.IsAll);
        Assert.True(selection.Includes("campaigns"));
    }

    [Fact]
    public void Can_Read_Named_Properties_Only()
    {
        Assert.True(PropertySelection.TryParse("properties[title, summary]", PropertySelection.All, out var selection));

        Assert.True(selection.Includes("title"));
        Assert.True(selection.Includes("summary"));
        Assert.False(selection.Includes("body"));
        Assert.Null(selection.Nested("title"));
    }

    [Fact]
    public void Can_Read_What_A_Picked_Item_Shows_In_Turn()
    {
        Assert.True(PropertySelection.TryParse("properties[campaigns[properties[title,status]],headline]", PropertySelection.None, out var selection));

        var nested = selection.Nested("campaigns");
        Assert.NotNull(nested);
        Assert.True(nested.Includes("status"));
        Assert.False(nested.Includes("body"));
        Assert.True(selection.Includes("headline"));
    }

    [Fact]
    public void A_Blank_Value_Gives_The_Default()
    {
        Assert.True(PropertySelection.TryParse(" ", PropertySelection.All, out var selection));

        Assert.Same(PropertySelection.All, selection);
    }

    [Theory]
    [InlineData("all")]
    [InlineData("properties[")]
    [InlineData("properties[title")]
    [InlineData("properties[]")]
    [InlineData("properties[a[title]]")]
    [InlineData("properties[title]x")]
    public void Cannot_Read_Anything_Else(string text) =>
        Assert.False(PropertySelection.TryParse(text, PropertySelection.None, out _));
}
