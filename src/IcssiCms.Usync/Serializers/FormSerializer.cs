using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml.Linq;
using IcssiCms.Usync.Model;

namespace IcssiCms.Usync.Serializers;

/// <summary>
/// Reads <c>&lt;forms-form&gt;</c> files (folder <c>Forms</c>), as uSync.Forms writes an Umbraco Forms form: its settings and
/// workflows in <c>&lt;Info&gt;</c>, and its pages → fieldSets → containers → fields as camelCase JSON in <c>&lt;Pages&gt;</c>.
/// Bad JSON is reported at the line of <c>&lt;Pages&gt;</c>; a field's own problems at the line of its object in the JSON.
/// </summary>
internal sealed class FormSerializer : IUsyncSerializer<UsyncForm>
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };

    public UsyncItemType ItemType => UsyncItemType.Form;

    public UsyncForm Deserialize(XElement root, ElementReader reader)
    {
        var alias = reader.RequiredAttribute(root, "Alias");
        var info = reader.Required(root, "Info") ?? new XElement("Info");
        var message = info.Element("MessageOnSubmit");

        var settings = new FormSettings(
            reader.OptionalText(info, "FieldIndicationType") ?? "MarkMandatoryFields",
            reader.OptionalText(info, "Indicator") ?? string.Empty,
            reader.Bool(info, "ShowValidationSummary", required: false),
            reader.Bool(info, "HideFieldValidation", required: false),
            reader.OptionalText(info, "RequireErrorMessage") ?? string.Empty,
            reader.OptionalText(info, "InvalidErrorMessage") ?? string.Empty,
            message?.Value ?? string.Empty,
            message is not null && reader.BoolAttribute(message, "IsHtml"),
            GoToPage(info, reader),
            reader.Bool(info, "ManualApproval", required: false),
            reader.Bool(info, "StoreRecordsLocally", required: false),
            reader.OptionalText(info, "CssClass") ?? string.Empty,
            reader.Bool(info, "DisabledDefaultStylesheet", required: false),
            reader.OptionalText(info, "AutocompleteAttribute") ?? string.Empty,
            reader.OptionalText(info, "SubmitLabel") ?? string.Empty,
            reader.OptionalText(info, "NextLabel") ?? string.Empty,
            reader.OptionalText(info, "PreVLabel") ?? string.Empty);

        return new UsyncForm(
            reader.Key(root),
            alias,
            reader.RequiredText(info, "Name"),
            settings,
            Pages(reader.Required(root, "Pages"), reader),
            Workflows(info.Element("Workflows"), reader),
            reader.At(root));
    }

    private static Guid? GoToPage(XElement info, ElementReader reader)
    {
        var element = info.Element("GoToPageOnSubmit");
        var text = element?.Value.Trim();
        if (element is null || string.IsNullOrEmpty(text) || text == "0")
        {
            return null;
        }

        if (!Guid.TryParse(text, out var key))
        {
            reader.Problem(element, $"<GoToPageOnSubmit> '{text}' is not a content key.");
            return null;
        }

        return key == Guid.Empty ? null : key;
    }

    private static List<FormWorkflow> Workflows(XElement? list, ElementReader reader)
    {
        var workflows = new List<FormWorkflow>();
        foreach (var workflow in list?.Elements() ?? [])
        {
            if (workflow.Name.LocalName != "Workflow")
            {
                reader.Problem(workflow, $"<Workflows> holds <{workflow.Name.LocalName}>; expected <Workflow>.");
                continue;
            }

            workflows.Add(new FormWorkflow(
                reader.KeyText(workflow, "Id"),
                reader.RequiredText(workflow, "Name"),
                reader.Bool(workflow, "Active"),
                reader.Bool(workflow, "IncludeSensitiveData", required: false),
                reader.KeyText(workflow, "WorkflowTypeId"),
                reader.RequiredText(workflow, "ExecutesOn"),
                reader.Int(workflow, "SortOrder", required: false),
                WorkflowSettings(workflow, reader),
                ElementReader.LineOf(workflow)));
        }

        return workflows;
    }

    private static Dictionary<string, string> WorkflowSettings(XElement workflow, ElementReader reader)
    {
        var element = workflow.Element("Settings");
        if (element is null || string.IsNullOrWhiteSpace(element.Value))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(element.Value, Json) ?? [];
        }
        catch (JsonException ex)
        {
            reader.Problem(element, $"<Settings> of workflow '{workflow.Element("Name")?.Value}' is not a JSON object of strings: {ex.Message}");
            return [];
        }
    }

    private static List<FormPage> Pages(XElement? element, ElementReader reader)
    {
        if (element is null)
        {
            return [];
        }

        var json = element.Value;
        if (string.IsNullOrWhiteSpace(json))
        {
            reader.Problem(element, "<Pages> is empty: a form needs at least one page.");
            return [];
        }

        List<PageJson>? pages;
        try
        {
            pages = JsonSerializer.Deserialize<List<PageJson>>(json, Json);
        }
        catch (JsonException ex)
        {
            reader.Problem(element, $"<Pages> is not valid JSON: {ex.Message}");
            return [];
        }

        if (pages is null || pages.Count == 0)
        {
            reader.Problem(element, "<Pages> holds no pages: a form needs at least one page.");
            return [];
        }

        var lines = ObjectLines.Of(json, ElementReader.LineOf(element));
        var fieldSetLines = new Queue<int>(lines.FieldSets);
        var fieldLines = new Queue<int>(lines.Fields);
        var at = reader.At(element);
        return pages.Select(page => new FormPage(
            page.Caption ?? string.Empty,
            (page.FieldSets ?? []).Select(set =>
            {
                var setLine = fieldSetLines.TryDequeue(out var l) ? l : at.Line;
                return new FormFieldSet(
                    set.Id,
                    set.Caption ?? string.Empty,
                    (set.Containers ?? []).Select(container => new FormContainer(
                        container.Caption ?? string.Empty,
                        container.Width,
                        (container.Fields ?? []).Select(field => Field(field, fieldLines.TryDequeue(out var f) ? f : at.Line, reader)).ToList())).ToList(),
                    Condition(set.Condition),
                    setLine);
            }).ToList())).ToList();
    }

    private static FormField Field(FieldJson field, int line, ElementReader reader)
    {
        var alias = field.Alias ?? string.Empty;
        var name = alias.Length > 0 ? $"Field '{alias}'" : $"Field {field.Id}";
        if (alias.Length == 0)
        {
            reader.Problem(line, $"{name} has no alias.");
        }

        if (field.Id == Guid.Empty)
        {
            reader.Problem(line, $"{name} has no id (or the empty GUID).");
        }

        if (field.FieldTypeId == Guid.Empty)
        {
            reader.Problem(line, $"{name} has no fieldTypeId.");
        }

        return new FormField(
            field.Id,
            alias,
            field.Caption ?? string.Empty,
            field.ToolTip ?? string.Empty,
            field.Placeholder ?? string.Empty,
            field.FieldTypeId,
            field.Mandatory,
            field.RegEx ?? string.Empty,
            field.RequiredErrorMessage ?? string.Empty,
            field.InvalidErrorMessage ?? string.Empty,
            field.ContainsSensitiveData,
            field.Settings ?? [],
            (field.PreValues ?? []).Select(p => new FormPreValue(p.Value ?? string.Empty, p.Caption ?? string.Empty)).ToList(),
            Condition(field.Condition),
            line);
    }

    /// <summary>A condition that is not enabled is no condition, as Forms treats it.</summary>
    private static FormCondition? Condition(ConditionJson? condition) =>
        condition is { Enabled: true }
            ? new FormCondition(
                condition.ActionType ?? string.Empty,
                condition.LogicType ?? string.Empty,
                (condition.Rules ?? []).Select(r => new FormConditionRule(r.Field, r.Operator ?? string.Empty, r.Value ?? string.Empty)).ToList())
            : null;

    /// <summary>
    /// The 1-based file lines of the fieldset and field objects in the <c>&lt;Pages&gt;</c> JSON, in document order
    /// (which is the order of the tree, page by page): the element's line plus the line breaks before each object.
    /// </summary>
    private sealed record ObjectLines(List<int> FieldSets, List<int> Fields)
    {
        public static ObjectLines Of(string json, int elementLine)
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            var result = new ObjectLines([], []);
            var reader = new Utf8JsonReader(bytes);
            string? lastProperty = null;
            var arrays = new Stack<(string? Property, int Depth)>();
            var line = elementLine;
            long counted = 0;
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        lastProperty = reader.GetString();
                        break;
                    case JsonTokenType.StartArray:
                        arrays.Push((lastProperty, reader.CurrentDepth));
                        lastProperty = null;
                        break;
                    case JsonTokenType.EndArray:
                        arrays.Pop();
                        break;
                    case JsonTokenType.StartObject:
                        if (arrays.TryPeek(out var array) && array.Depth == reader.CurrentDepth - 1
                            && array.Property is "fieldSets" or "fields")
                        {
                            var start = reader.TokenStartIndex;
                            line += bytes.AsSpan((int)counted, (int)(start - counted)).Count((byte)'\n');
                            counted = start;
                            (array.Property == "fields" ? result.Fields : result.FieldSets).Add(line);
                        }

                        lastProperty = null;
                        break;
                    default:
                        lastProperty = null;
                        break;
                }
            }

            return result;
        }
    }

    private sealed class PageJson
    {
        public string? Caption { get; set; }

        public List<FieldSetJson>? FieldSets { get; set; }
    }

    private sealed class FieldSetJson
    {
        public Guid Id { get; set; }

        public string? Caption { get; set; }

        public ConditionJson? Condition { get; set; }

        public List<ContainerJson>? Containers { get; set; }
    }

    private sealed class ContainerJson
    {
        public string? Caption { get; set; }

        public int Width { get; set; }

        public List<FieldJson>? Fields { get; set; }
    }

    private sealed class FieldJson
    {
        public Guid Id { get; set; }

        public string? Alias { get; set; }

        public string? Caption { get; set; }

        public string? ToolTip { get; set; }

        public string? Placeholder { get; set; }

        public Guid FieldTypeId { get; set; }

        public bool Mandatory { get; set; }

        public string? RegEx { get; set; }

        public string? RequiredErrorMessage { get; set; }

        public string? InvalidErrorMessage { get; set; }

        public bool ContainsSensitiveData { get; set; }

        public Dictionary<string, string>? Settings { get; set; }

        public List<PreValueJson>? PreValues { get; set; }

        public ConditionJson? Condition { get; set; }
    }

    private sealed class PreValueJson
    {
        public string? Value { get; set; }

        public string? Caption { get; set; }
    }

    private sealed class ConditionJson
    {
        public bool Enabled { get; set; }

        public string? ActionType { get; set; }

        public string? LogicType { get; set; }

        public List<RuleJson>? Rules { get; set; }
    }

    private sealed class RuleJson
    {
        public Guid Field { get; set; }

        public string? Operator { get; set; }

        public string? Value { get; set; }
    }
}
