using IcssiCms.EmbeddedHost.BackOffice.Content;

namespace IcssiCms.UnitTests.EmbeddedHost.BackOffice;

public sealed class PropertyControlsTests
{
    private static string Keep(string html) => html;

    [Fact]
    public void Rich_Text_Is_Stored_As_Umbraco_Markup_Json_And_Shown_As_Markup()
    {
        var (stored, error) = PropertyControls.FromForm(PropertyControl.RichText, "<p>Oslo – أوسلو</p>", Keep);

        Assert.Null(error);
        Assert.Equal("""{"markup":"<p>Oslo – أوسلو</p>","blocks":null}""", stored);
        Assert.Equal("<p>Oslo – أوسلو</p>", PropertyControls.ToForm(PropertyControl.RichText, stored));
    }

    [Fact]
    public void Dates_Round_Trip_Between_Datetime_Local_And_Stored_Form()
    {
        var (stored, _) = PropertyControls.FromForm(PropertyControl.DateTime, "2014-10-27T09:30", Keep);

        Assert.Equal("2014-10-27T09:30:00", stored);
        Assert.Equal("2014-10-27T09:30", PropertyControls.ToForm(PropertyControl.DateTime, stored));
    }

    [Fact]
    public void Pickers_Store_Document_Udis_And_Show_Keys()
    {
        var key = Guid.Parse("a9ff1064-cf1a-5661-b800-7b3fcfa41fa9");

        var (stored, _) = PropertyControls.FromForm(PropertyControl.MultiPicker, key.ToString(), Keep);

        Assert.Equal("umb://document/a9ff1064cf1a5661b8007b3fcfa41fa9", stored);
        Assert.Equal(key.ToString("D"), PropertyControls.ToForm(PropertyControl.MultiPicker, stored));
    }

    [Fact]
    public void Tags_Are_Stored_As_A_Json_Array_Without_Repeats()
    {
        var (stored, _) = PropertyControls.FromForm(PropertyControl.Tags, "Oslo, Iraqi Social Forum,Oslo", Keep);

        Assert.Equal("""["Oslo","Iraqi Social Forum"]""", stored);
        Assert.Equal("Oslo, Iraqi Social Forum", PropertyControls.ToForm(PropertyControl.Tags, stored));
    }

    [Theory]
    [InlineData("Integer", "twelve")]
    [InlineData("DateTime", "next week")]
    [InlineData("MultiPicker", "not-a-key")]
    public void Values_A_Control_Cannot_Hold_Are_Refused(string controlName, string posted)
    {
        var control = Enum.Parse<PropertyControl>(controlName);
        var (stored, error) = PropertyControls.FromForm(control, posted, Keep);

        Assert.Null(stored);
        Assert.NotNull(error);
    }

    [Theory]
    [InlineData("TextBox", null, true)]
    [InlineData("TextBox", "  ", true)]
    [InlineData("Tags", "[]", true)]
    [InlineData("RichText", """{"markup":"","blocks":null}""", true)]
    [InlineData("TextBox", "Oslo", false)]
    public void Empty_Values_Are_Recognised_For_Mandatory_Properties(string controlName, string? stored, bool empty) =>
        Assert.Equal(empty, PropertyControls.IsEmpty(Enum.Parse<PropertyControl>(controlName), stored));
}
