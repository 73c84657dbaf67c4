using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml.Linq;
using IcssiCms.Usync.Model;

namespace IcssiCms.Usync.Writing;

/// <summary>
/// Writes uSync.Forms' <c>&lt;forms-form&gt;</c> files: the settings and workflows in <c>&lt;Info&gt;</c>, and the
/// pages → fieldSets → containers → fields tree as indented camelCase JSON in <c>&lt;Pages&gt;</c>. Files are named by
/// the form's name. Settings keep the order they were given in; a field or fieldset with no condition has
/// <c>"condition": null</c>. What the model does not hold (XPath, data source, folder) is written empty.
/// </summary>
public sealed class FormWriter : UsyncItemWriter<UsyncForm>
{
    private static readonly JsonWriterOptions Indented = new()
    {
        Indented = true,
        IndentCharacter = ' ',
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public override UsyncHandler Handler => UsyncHandlers.Forms;

    public override string FileBaseName(UsyncForm item) => UsyncFileNames.SafeFileName(item.Name);

    public override XElement Serialize(UsyncForm item)
    {
        var settings = item.Settings;
        var info = new XElement(
            "Info",
            UsyncXml.Text("Name", item.Name),
            UsyncXml.Text("FieldIndicationType", settings.FieldIndicationType),
            UsyncXml.Text("Indicator", settings.Indicator),
            UsyncXml.Text("ShowValidationSummary", UsyncXml.Bool(settings.ShowValidationSummary)),
            UsyncXml.Text("HideFieldValidation", UsyncXml.Bool(settings.HideFieldValidation)),
            UsyncXml.Text("RequireErrorMessage", settings.RequiredErrorMessage),
            UsyncXml.Text("InvalidErrorMessage", settings.InvalidErrorMessage),
            new XElement("MessageOnSubmit", new XAttribute("IsHtml", UsyncXml.Bool(settings.MessageOnSubmitIsHtml)), settings.MessageOnSubmit),
            UsyncXml.Text("GoToPageOnSubmit", settings.GoToPageOnSubmit is { } page ? UsyncXml.Key(page) : string.Empty),
            UsyncXml.Text("XPathOnSubmit", string.Empty),
            UsyncXml.Text("ManualApproval", UsyncXml.Bool(settings.ManualApproval)),
            UsyncXml.Text("StoreRecordsLocally", UsyncXml.Bool(settings.StoreRecordsLocally)),
            UsyncXml.Text("CssClass", settings.CssClass),
            UsyncXml.Text("DisabledDefaultStylesheet", UsyncXml.Bool(settings.DisableDefaultStylesheet)),
            UsyncXml.Text("AutocompleteAttribute", settings.AutocompleteAttribute),
            new XElement(
                "Workflows",
                item.Workflows
                    .OrderBy(w => w.SortOrder)
                    .ThenBy(w => w.Name, UsyncXml.Order)
                    .ThenBy(w => UsyncXml.Key(w.Id), StringComparer.Ordinal)
                    .Select(Workflow)),
            UsyncXml.Text("DataSource", string.Empty),
            UsyncXml.Text("Folder", string.Empty),
            UsyncXml.Text("SubmitLabel", settings.SubmitLabel),
            UsyncXml.Text("NextLabel", settings.NextLabel),
            UsyncXml.Text("PreVLabel", settings.PreviousLabel));

        var root = Root(Handler.ElementName, item.Key, item.Alias, level: null);
        root.Add(info, UsyncXml.CData("Pages", PagesJson(item.Pages) + "\n"));
        return root;
    }

    private static XElement Workflow(FormWorkflow workflow) => new(
        "Workflow",
        UsyncXml.Text("Id", UsyncXml.Key(workflow.Id)),
        UsyncXml.Text("Name", workflow.Name),
        UsyncXml.Text("Active", UsyncXml.Bool(workflow.Active)),
        UsyncXml.Text("IncludeSensitiveData", UsyncXml.Bool(workflow.IncludeSensitiveData)),
        UsyncXml.Text("WorkflowTypeId", UsyncXml.Key(workflow.WorkflowTypeId)),
        UsyncXml.Text("ExecutesOn", workflow.ExecutesOn),
        UsyncXml.Text("SortOrder", UsyncXml.Int(workflow.SortOrder)),
        UsyncXml.CData("Settings", Json(Compact, w => Strings(w, workflow.Settings))));

    /// <summary>The <c>&lt;Pages&gt;</c> JSON, indented by two spaces, without a final line break.</summary>
    public static string PagesJson(IReadOnlyList<FormPage> pages) => Json(Indented, w =>
    {
        w.WriteStartArray();
        foreach (var page in pages)
        {
            w.WriteStartObject();
            w.WriteString("caption", page.Caption);
            w.WriteStartArray("fieldSets");
            foreach (var set in page.FieldSets)
            {
                w.WriteStartObject();
                w.WriteString("id", set.Id);
                w.WriteString("caption", set.Caption);
                Condition(w, set.Condition);
                w.WriteStartArray("containers");
                foreach (var container in set.Containers)
                {
                    w.WriteStartObject();
                    w.WriteString("caption", container.Caption);
                    w.WriteNumber("width", container.Width);
                    w.WriteStartArray("fields");
                    foreach (var field in container.Fields)
                    {
                        Field(w, field);
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    private static void Field(Utf8JsonWriter w, FormField field)
    {
        w.WriteStartObject();
        w.WriteString("id", field.Id);
        w.WriteString("alias", field.Alias);
        w.WriteString("caption", field.Caption);
        w.WriteString("toolTip", field.HelpText);
        w.WriteString("placeholder", field.Placeholder);
        w.WriteString("fieldTypeId", field.FieldTypeId);
        w.WriteBoolean("mandatory", field.Mandatory);
        w.WriteString("regEx", field.RegEx);
        w.WriteString("requiredErrorMessage", field.RequiredErrorMessage);
        w.WriteString("invalidErrorMessage", field.InvalidErrorMessage);
        w.WriteBoolean("containsSensitiveData", field.ContainsSensitiveData);
        w.WritePropertyName("settings");
        Strings(w, field.Settings);
        w.WriteStartArray("preValues");
        foreach (var preValue in field.PreValues)
        {
            w.WriteStartObject();
            w.WriteString("value", preValue.Value);
            w.WriteString("caption", preValue.Caption);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Condition(w, field.Condition);
        w.WriteEndObject();
    }

    private static void Condition(Utf8JsonWriter w, FormCondition? condition)
    {
        if (condition is null)
        {
            w.WriteNull("condition");
            return;
        }

        w.WriteStartObject("condition");
        w.WriteBoolean("enabled", true);
        w.WriteString("actionType", condition.ActionType);
        w.WriteString("logicType", condition.LogicType);
        w.WriteStartArray("rules");
        foreach (var rule in condition.Rules)
        {
            w.WriteStartObject();
            w.WriteString("field", rule.Field);
            w.WriteString("operator", rule.Operator);
            w.WriteString("value", rule.Value);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, IReadOnlyDictionary<string, string> values)
    {
        w.WriteStartObject();
        foreach (var (key, value) in values)
        {
            w.WriteString(key, value);
        }

        w.WriteEndObject();
    }

    private static string Json(JsonWriterOptions options, Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
