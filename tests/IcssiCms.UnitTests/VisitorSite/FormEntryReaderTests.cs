using IcssiCms.VisitorSite.Forms;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace IcssiCms.UnitTests.VisitorSite;

public sealed class FormEntryReaderTests
{
    private static FormField Field(string alias, string type = "shortAnswer") =>
        new(Guid.NewGuid(), alias, alias, null, null, false, null, null, null, null, [], new Dictionary<string, string>(), new FormFieldType(Guid.NewGuid(), type, type));

    private static readonly FormDefinition Definition = new(
        Guid.NewGuid(), "Form", "*", null, null, false, null,
        [new FormPage(null, [new FormFieldset(Guid.NewGuid(), null, null, [new FormColumn(null, 12, [Field("name"), Field("attend", "multipleChoice"), Field("note")])])])]);

    [Fact]
    public void Only_the_forms_fields_are_sent_trimmed_with_every_choice_and_without_empty_values()
    {
        var posted = new FormCollection(new Dictionary<string, StringValues>
        {
            ["name"] = "  A Visitor ",
            ["attend"] = new(["a", "b"]),
            ["note"] = "   ",
            ["__RequestVerificationToken"] = "antiforgery",
            ["isAdmin"] = "true",
            [FormEntryReader.FormTokenName] = "token",
            [FormEntryReader.HoneypotName] = "",
        });

        var values = FormEntryReader.Values(Definition, posted);
        Assert.Equal(["attend", "name"], values.Keys.Order());
        Assert.Equal(["A Visitor"], values["name"]);
        Assert.Equal(["a", "b"], values["attend"]);

        var additional = FormEntryReader.AdditionalData(posted);
        Assert.Equal("token", additional["formToken"]);
        Assert.False(additional.ContainsKey("honeypot"));
    }

    [Fact]
    public void A_filled_in_honeypot_is_passed_on_for_the_hub_to_drop_the_entry()
    {
        var posted = new FormCollection(new Dictionary<string, StringValues> { [FormEntryReader.HoneypotName] = "http://spam.example" });
        Assert.Equal("http://spam.example", FormEntryReader.AdditionalData(posted)["honeypot"]);
    }
}
