using IcssiCms.EmbeddedHost.Delivery.Rendering;

namespace IcssiCms.UnitTests.EmbeddedHost.Delivery;

public sealed class RichTextJsonTests
{
    [Fact]
    public void Markup_Becomes_A_Root_Of_Elements_And_Text()
    {
        var root = RichTextJson.From("<p>Save the <strong>Tigris</strong></p><p dir=\"rtl\">أنقذوا نهر دجلة</p>");

        Assert.Equal("#root", root.Tag);
        Assert.Empty(root.Blocks);
        Assert.Equal(2, root.Elements.Count);
        var first = Assert.IsType<RichTextElement>(root.Elements[0]);
        Assert.Equal("p", first.Tag);
        Assert.Equal("Save the ", Assert.IsType<RichTextText>(first.Elements[0]).Text);
        var strong = Assert.IsType<RichTextElement>(first.Elements[1]);
        Assert.Equal(("strong", "Tigris"), (strong.Tag, Assert.IsType<RichTextText>(strong.Elements.Single()).Text));
        var second = Assert.IsType<RichTextElement>(root.Elements[1]);
        Assert.Equal("rtl", second.Attributes["dir"]);
        Assert.Equal("أنقذوا نهر دجلة", Assert.IsType<RichTextText>(second.Elements.Single()).Text);
    }

    [Fact]
    public void Links_Keep_Their_Attributes()
    {
        var root = RichTextJson.From("<p><a href=\"/campaigns/\" title=\"Campaigns\">all campaigns</a></p>");

        var link = Assert.IsType<RichTextElement>(Assert.IsType<RichTextElement>(root.Elements.Single()).Elements.Single());
        Assert.Equal("a", link.Tag);
        Assert.Equal("/campaigns/", link.Attributes["href"]);
        Assert.Equal("Campaigns", link.Attributes["title"]);
    }
}
