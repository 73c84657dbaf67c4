using System.Text.Json.Serialization;

namespace IcssiCms.Usync.Model;

/// <summary>
/// A <c>&lt;forms-form&gt;</c> file (folder <c>Forms</c>), as uSync.Forms writes an Umbraco Forms form: the form's
/// settings from <c>&lt;Info&gt;</c>, its workflows, and the pages → fieldsets → containers → fields tree that
/// uSync.Forms carries as JSON in <c>&lt;Pages&gt;</c>. Captions starting with <c>#</c> are dictionary keys, which
/// Umbraco Forms translates per culture.
/// </summary>
public sealed record UsyncForm(
    Guid Key,
    string Alias,
    string Name,
    FormSettings Settings,
    IReadOnlyList<FormPage> Pages,
    IReadOnlyList<FormWorkflow> Workflows,
    SourceLocation Source)
{
    /// <summary>Every field of the form, page by page, in order.</summary>
    [JsonIgnore]
    public IEnumerable<FormField> Fields =>
        Pages.SelectMany(p => p.FieldSets).SelectMany(s => s.Containers).SelectMany(c => c.Fields);
}

/// <summary>The form-level settings of <c>&lt;Info&gt;</c>, named as Umbraco Forms names them.</summary>
public sealed record FormSettings(
    string FieldIndicationType,
    string Indicator,
    bool ShowValidationSummary,
    bool HideFieldValidation,
    string RequiredErrorMessage,
    string InvalidErrorMessage,
    string MessageOnSubmit,
    bool MessageOnSubmitIsHtml,
    Guid? GoToPageOnSubmit,
    bool ManualApproval,
    bool StoreRecordsLocally,
    string CssClass,
    bool DisableDefaultStylesheet,
    string AutocompleteAttribute,
    string SubmitLabel,
    string NextLabel,
    string PreviousLabel);

public sealed record FormPage(string Caption, IReadOnlyList<FormFieldSet> FieldSets);

/// <summary>A fieldset of a page. <see cref="Line"/> is the line of the fieldset's object in the file's <c>&lt;Pages&gt;</c> JSON.</summary>
public sealed record FormFieldSet(Guid Id, string Caption, IReadOnlyList<FormContainer> Containers, FormCondition? Condition, int Line);

public sealed record FormContainer(string Caption, int Width, IReadOnlyList<FormField> Fields);

/// <summary>A field of a form. <see cref="Line"/> is the line of the field's object in the file's <c>&lt;Pages&gt;</c> JSON.</summary>
public sealed record FormField(
    Guid Id,
    string Alias,
    string Caption,
    string HelpText,
    string Placeholder,
    Guid FieldTypeId,
    bool Mandatory,
    string RegEx,
    string RequiredErrorMessage,
    string InvalidErrorMessage,
    bool ContainsSensitiveData,
    IReadOnlyDictionary<string, string> Settings,
    IReadOnlyList<FormPreValue> PreValues,
    FormCondition? Condition,
    int Line);

public sealed record FormPreValue(string Value, string Caption);

/// <summary>Show or hide a field or fieldset when all or any of its rules hold. Rules name fields by id.</summary>
public sealed record FormCondition(string ActionType, string LogicType, IReadOnlyList<FormConditionRule> Rules);

public sealed record FormConditionRule(Guid Field, string Operator, string Value);

/// <summary>A workflow attached to the form: its type, when it runs (Submit or Approve), and its settings.</summary>
public sealed record FormWorkflow(
    Guid Id,
    string Name,
    bool Active,
    bool IncludeSensitiveData,
    Guid WorkflowTypeId,
    string ExecutesOn,
    int SortOrder,
    IReadOnlyDictionary<string, string> Settings,
    int Line);

/// <summary>
/// A <c>&lt;Dictionary&gt;</c> file (folder <c>Dictionary</c>): one dictionary key and its translation per
/// language. <see cref="ParentAlias"/> is the parent's key, as uSync writes it, or null at the root.
/// </summary>
public sealed record UsyncDictionaryItem(
    Guid Key,
    string Alias,
    string? ParentAlias,
    int Level,
    IReadOnlyDictionary<string, string> Translations,
    SourceLocation Source);
