using IcssiCms.Usync.Editors;
using IcssiCms.Usync.Model;

namespace IcssiCms.Core.Forms.Delivery;

/// <summary>A form as Umbraco Forms' delivery API answers <c>GET definitions/{id}</c>, in one culture.</summary>
public sealed record FormDefinitionResponse(
    Guid Id,
    string Name,
    string Indicator,
    string FieldIndicationType,
    string MessageOnSubmit,
    bool MessageOnSubmitIsHtml,
    Guid? GotoPageOnSubmit,
    FormRouteResponse? GotoPageOnSubmitRoute,
    string SubmitLabel,
    string NextLabel,
    string PreviousLabel,
    bool ShowValidationSummary,
    bool HideFieldValidation,
    bool DisableDefaultStylesheet,
    string AutocompleteAttribute,
    string CssClass,
    IReadOnlyList<FormPageResponse> Pages);

public sealed record FormRouteResponse(string Path, FormStartItemResponse StartItem);

public sealed record FormStartItemResponse(Guid Id, string Path);

public sealed record FormPageResponse(string Caption, IReadOnlyList<FormFieldsetResponse> Fieldsets);

public sealed record FormFieldsetResponse(Guid Id, string Caption, FormConditionResponse? Condition, IReadOnlyList<FormColumnResponse> Columns);

public sealed record FormColumnResponse(string Caption, int Width, IReadOnlyList<FormFieldResponse> Fields);

public sealed record FormFieldResponse(
    Guid Id,
    string Alias,
    string Caption,
    string HelpText,
    string Placeholder,
    string CssClass,
    bool Required,
    string RequiredErrorMessage,
    string Pattern,
    string PatternInvalidErrorMessage,
    FormConditionResponse? Condition,
    object? FileUploadOptions,
    IReadOnlyList<FormPreValueResponse> PreValues,
    IReadOnlyDictionary<string, string> Settings,
    bool ContainsSensitiveData,
    FormFieldTypeResponse Type);

public sealed record FormPreValueResponse(string Caption, string Value);

public sealed record FormConditionResponse(string ActionType, string LogicType, IReadOnlyList<FormConditionRuleResponse> Rules);

public sealed record FormConditionRuleResponse(Guid Field, string Operator, string Value);

/// <summary>The field type by Forms' id and name; <c>alias</c> (such as <c>shortAnswer</c>) is how clients pick a control.</summary>
public sealed record FormFieldTypeResponse(Guid Id, string Name, string Alias);

/// <summary>Builds the definition of a form in a culture: texts translated, messages filled in as Forms does.</summary>
public static class FormDefinitionBuilder
{
    /// <summary>Settings whose values are texts shown to visitors, so translated like captions.</summary>
    private static readonly HashSet<string> TextSettings = new(StringComparer.OrdinalIgnoreCase) { "acceptCopy", "placeholder", "caption", "bodyText" };

    /// <param name="route">The route of the page to go to on submit (<see cref="FormSettings.GoToPageOnSubmit"/>), if it is published.</param>
    public static FormDefinitionResponse Build(UsyncForm form, FormTranslator t, FormRouteResponse? route)
    {
        var settings = form.Settings;

        return new FormDefinitionResponse(
            form.Key,
            form.Name,
            settings.Indicator,
            settings.FieldIndicationType,
            t[settings.MessageOnSubmit],
            settings.MessageOnSubmitIsHtml,
            settings.GoToPageOnSubmit,
            route,
            t[settings.SubmitLabel],
            t[settings.NextLabel],
            t[settings.PreviousLabel],
            settings.ShowValidationSummary,
            settings.HideFieldValidation,
            settings.DisableDefaultStylesheet,
            settings.AutocompleteAttribute,
            settings.CssClass,
            form.Pages.Select(p => new FormPageResponse(
                t[p.Caption],
                p.FieldSets.Select(s => new FormFieldsetResponse(
                    s.Id,
                    t[s.Caption],
                    Condition(s.Condition),
                    s.Containers.Select(c => new FormColumnResponse(t[c.Caption], c.Width, c.Fields.Select(f => Field(form, f, t)).ToList())).ToList()))
                    .ToList()))
                .ToList());
    }

    public static string RequiredMessage(UsyncForm form, FormField field, FormTranslator t) =>
        Fill(string.IsNullOrEmpty(field.RequiredErrorMessage) ? t[form.Settings.RequiredErrorMessage] : t[field.RequiredErrorMessage], t[field.Caption], "Please provide a value for {0}");

    public static string InvalidMessage(UsyncForm form, FormField field, FormTranslator t) =>
        Fill(string.IsNullOrEmpty(field.InvalidErrorMessage) ? t[form.Settings.InvalidErrorMessage] : t[field.InvalidErrorMessage], t[field.Caption], "Please provide a valid value for {0}");

    private static FormFieldResponse Field(UsyncForm form, FormField field, FormTranslator t)
    {
        var type = FormFieldTypes.Find(field.FieldTypeId);
        return new FormFieldResponse(
            field.Id,
            field.Alias,
            t[field.Caption],
            t[field.HelpText],
            t[field.Placeholder],
            field.Settings.GetValueOrDefault("cssClass") ?? string.Empty,
            field.Mandatory,
            field.Mandatory ? RequiredMessage(form, field, t) : string.Empty,
            field.RegEx,
            string.IsNullOrEmpty(field.RegEx) ? string.Empty : InvalidMessage(form, field, t),
            Condition(field.Condition),
            null,
            field.PreValues.Select(p => new FormPreValueResponse(t[p.Caption], p.Value)).ToList(),
            field.Settings.ToDictionary(s => s.Key, s => TextSettings.Contains(s.Key) ? t[s.Value] : s.Value),
            field.ContainsSensitiveData,
            new FormFieldTypeResponse(field.FieldTypeId, type?.Name ?? string.Empty, type?.Alias ?? string.Empty));
    }

    private static FormConditionResponse? Condition(FormCondition? condition) =>
        condition is null ? null : new FormConditionResponse(condition.ActionType, condition.LogicType,
            condition.Rules.Select(r => new FormConditionRuleResponse(r.Field, r.Operator, r.Value)).ToList());

    /// <summary>Forms puts the field's caption where its message template has <c>{0}</c>.</summary>
    private static string Fill(string template, string caption, string fallback)
    {
        var text = string.IsNullOrWhiteSpace(template) ? fallback : template;
        return text.Replace("{0}", caption, StringComparison.Ordinal);
    }
}
