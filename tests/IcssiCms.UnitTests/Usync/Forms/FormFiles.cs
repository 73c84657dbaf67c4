using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using IcssiCms.UnitTests.Support;

namespace IcssiCms.UnitTests.Usync.Forms;

/// <summary>The hub's two forms, and edits of a form's <c>&lt;Pages&gt;</c> JSON in a temporary copy of the folder.</summary>
internal static class FormFiles
{
    public const string Registration = "Forms/icssi-conference-2014-registration.config";
    public const string CampaignSignUp = "Forms/campaign-sign-up.config";
    public const string Campaigns = "Content/campaigns.config";

    public static readonly Guid RegistrationKey = Guid.Parse("0c3e8f0a-6a35-4f0e-9d3b-2a1e5c7b9d41");

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Rewrites the form's <c>&lt;Pages&gt;</c> JSON (two-space indent, as the hub's files are) after <paramref name="edit"/>.</summary>
    public static void EditPages(this TempUsyncFolder folder, string file, Action<JsonArray> edit)
    {
        folder.Edit(file, document =>
        {
            var pages = document.Root!.Element("Pages")!;
            var json = JsonNode.Parse(pages.Value)!.AsArray();
            edit(json);
            pages.ReplaceNodes(new XCData(json.ToJsonString(Indented) + "\n"));
        });
    }

    /// <summary>Edits one field, found by alias, of the form's <c>&lt;Pages&gt;</c> JSON.</summary>
    public static void EditField(this TempUsyncFolder folder, string file, string alias, Action<JsonObject> edit) =>
        folder.EditPages(file, pages => edit(FieldsOf(pages).Single(f => (string?)f["alias"] == alias)));

    public static IEnumerable<JsonObject> FieldsOf(JsonArray pages) =>
        pages.SelectMany(p => p!["fieldSets"]!.AsArray())
            .SelectMany(s => s!["containers"]!.AsArray())
            .SelectMany(c => c!["fields"]!.AsArray())
            .Select(f => f!.AsObject());

    /// <summary>The line of a field's object (its '{', the line above its "id") in a form file.</summary>
    public static int FieldLine(this TempUsyncFolder folder, string file, string alias) =>
        folder.LineOf(file, $"\"alias\": \"{alias}\"") - 2;
}
