using IcssiCms.EmbeddedHost.Delivery;

namespace IcssiCms.UnitTests.EmbeddedHost.Delivery;

public sealed class DocumentReferencesTests
{
    private static readonly Guid Tigris = Guid.Parse("2c1b0d6e-8f5a-5d3e-9b7c-1a2b3c4d5e6f");
    private static readonly Guid Women = Guid.Parse("7d8e9f00-1122-5344-8566-778899aabbcc");

    [Fact]
    public void A_pickers_references_are_found_in_order()
    {
        var value = $"umb://document/{Tigris:N},umb://document/{Women:N}";
        Assert.Equal([Tigris, Women], DocumentReferences.KeysIn(value));
    }

    [Fact]
    public void A_local_link_in_rich_text_is_a_reference_too()
    {
        var value = $$"""{"markup":"<p><a href=\"/{localLink:umb://document/{{Tigris:N}}}\">Save the Tigris</a></p>","blocks":[]}""";
        Assert.Equal([Tigris], DocumentReferences.KeysIn(value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2c1b0d6e-8f5a-5d3e-9b7c-1a2b3c4d5e6f")]
    [InlineData("umb://media/2c1b0d6e8f5a5d3e9b7c1a2b3c4d5e6f")]
    [InlineData("umb://document/2c1b0d6e")]
    public void Anything_else_refers_to_no_item(string? value) => Assert.Empty(DocumentReferences.KeysIn(value));
}
