namespace IcssiCms.VisitorSite.Forms;

/// <summary>A form as Umbraco Forms' delivery API defines it (<c>GET definitions/{id}?culture=</c>), translated.</summary>
public sealed record FormDefinition(
    Guid Id,
    string Name,
    string? Indicator,
    string? FieldIndicationType,
    string? MessageOnSubmit,
    bool MessageOnSubmitIsHtml,
    string? SubmitLabel,
    IReadOnlyList<FormPage> Pages)
{
    public IEnumerable<FormField> Fields => Pages.SelectMany(page => page.Fieldsets).SelectMany(set => set.Columns).SelectMany(column => column.Fields);

    /// <summary>Forms' "mark mandatory fields" (the default) or "mark optional fields" or neither.</summary>
    public bool MarksRequired => FieldIndicationType is null or "MarkMandatoryFields";

    public bool MarksOptional => FieldIndicationType == "MarkOptionalFields";
}

public sealed record FormPage(string? Caption, IReadOnlyList<FormFieldset> Fieldsets);

public sealed record FormFieldset(Guid Id, string? Caption, FormCondition? Condition, IReadOnlyList<FormColumn> Columns);

public sealed record FormColumn(string? Caption, int Width, IReadOnlyList<FormField> Fields);

public sealed record FormField(
    Guid Id,
    string Alias,
    string Caption,
    string? HelpText,
    string? Placeholder,
    bool Required,
    string? RequiredErrorMessage,
    string? Pattern,
    string? PatternInvalidErrorMessage,
    FormCondition? Condition,
    IReadOnlyList<FormPrevalue> PreValues,
    IReadOnlyDictionary<string, string> Settings,
    FormFieldType Type)
{
    public string? Setting(string key) => Settings.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
}

public sealed record FormPrevalue(string Caption, string Value);

public sealed record FormFieldType(Guid Id, string Name, string Alias);

public sealed record FormCondition(string ActionType, string LogicType, IReadOnlyList<FormConditionRule> Rules);

public sealed record FormConditionRule(Guid Field, string Operator, string Value);
