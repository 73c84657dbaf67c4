using System.Text.RegularExpressions;
using IcssiCms.Usync.Editors;
using IcssiCms.Usync.Model;

namespace IcssiCms.Usync.Validation;

public sealed partial class UsyncSetValidator
{
    /// <summary>How long a field's regEx may take to compile and run once, as Forms would run it on a submission.</summary>
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    private static readonly HashSet<string> ConditionActions = new(StringComparer.Ordinal) { "Show", "Hide" };

    private static readonly HashSet<string> ConditionLogic = new(StringComparer.Ordinal) { "All", "Any" };

    /// <summary>The rule operators of Umbraco Forms' FieldConditionRuleOperator (its spelling: GreaterThen, LessThen).</summary>
    private static readonly HashSet<string> ConditionOperators = new(StringComparer.Ordinal)
    {
        "Is", "IsNot", "GreaterThen", "LessThen", "Contains", "ContainsIgnoreCase", "StartsWith", "StartsWithIgnoreCase",
        "EndsWith", "EndsWithIgnoreCase", "NotContains", "NotContainsIgnoreCase", "NotStartsWith", "NotStartsWithIgnoreCase",
        "NotEndsWith", "NotEndsWithIgnoreCase",
    };

    private static readonly HashSet<string> WorkflowStages = new(StringComparer.Ordinal) { "Submit", "Approve" };

    private const string AcceptCopySetting = "acceptCopy";
    private const string FieldTypeSetting = "fieldType";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();

    private static void ValidateDictionary(ValidationContext context)
    {
        var items = context.Set.Dictionary;
        ReportDuplicates(context, items, d => d.Key.ToString(), d => d.Source, "dictionary item key");
        ReportDuplicates(context, items, d => d.Alias, d => d.Source, "dictionary key", StringComparer.OrdinalIgnoreCase);

        foreach (var item in items)
        {
            if (item.ParentAlias is null)
            {
                if (item.Level != 0)
                {
                    context.Problem(item.Source, $"'{item.Alias}' has no parent, so its Level is 0, not {item.Level}.");
                }
            }
            else if (string.Equals(item.ParentAlias, item.Alias, StringComparison.OrdinalIgnoreCase))
            {
                context.Problem(item.Source, $"'{item.Alias}' cannot be its own parent.");
            }
            else if (!context.DictionaryByAlias.TryGetValue(item.ParentAlias, out var parent))
            {
                context.Problem(item.Source, $"The parent '{item.ParentAlias}' of '{item.Alias}' is not a dictionary item in the set.");
            }
            else if (item.Level != parent.Level + 1)
            {
                context.Problem(item.Source, $"'{item.Alias}' has Level {item.Level}, but its parent '{parent.Alias}' is at level {parent.Level}.");
            }

            foreach (var language in item.Translations.Keys.Where(l => !context.Cultures.Contains(l)))
            {
                context.Problem(item.Source, $"'{item.Alias}' has a translation for '{language}', which is not a language in the set.");
            }
        }
    }

    private static void ValidateForms(ValidationContext context)
    {
        var forms = context.Set.Forms;
        ReportDuplicates(context, forms, f => f.Key.ToString(), f => f.Source, "form key");
        ReportDuplicates(context, forms, f => f.Alias, f => f.Source, "form alias", StringComparer.OrdinalIgnoreCase);

        foreach (var form in forms)
        {
            var fields = form.Fields.ToList();
            ReportDuplicates(context, fields, f => f.Id.ToString(), f => form.Source with { Line = f.Line }, "field id");
            ReportDuplicates(context, fields, f => f.Alias, f => form.Source with { Line = f.Line }, "field alias", StringComparer.OrdinalIgnoreCase);

            CheckFormSettings(context, form);
            var ids = fields.Select(f => f.Id).ToHashSet();
            foreach (var page in form.Pages)
            {
                CheckText(context, form.Source, $"Form '{form.Alias}': page caption", page.Caption);
                foreach (var fieldSet in page.FieldSets)
                {
                    CheckText(context, form.Source with { Line = fieldSet.Line }, $"Form '{form.Alias}': fieldset caption", fieldSet.Caption);
                    CheckCondition(context, form, ids, fieldSet.Condition, form.Source with { Line = fieldSet.Line }, $"Fieldset {fieldSet.Id}");
                    foreach (var container in fieldSet.Containers)
                    {
                        CheckText(context, form.Source with { Line = fieldSet.Line }, $"Form '{form.Alias}': container caption", container.Caption);
                        foreach (var field in container.Fields)
                        {
                            CheckField(context, form, ids, field);
                        }
                    }
                }
            }

            foreach (var workflow in form.Workflows)
            {
                CheckWorkflow(context, form, fields, workflow);
            }
        }
    }

    private static void CheckFormSettings(ValidationContext context, UsyncForm form)
    {
        var settings = form.Settings;
        var what = $"Form '{form.Alias}'";
        CheckText(context, form.Source, $"{what}: MessageOnSubmit", settings.MessageOnSubmit);
        CheckText(context, form.Source, $"{what}: RequireErrorMessage", settings.RequiredErrorMessage);
        CheckText(context, form.Source, $"{what}: InvalidErrorMessage", settings.InvalidErrorMessage);
        CheckText(context, form.Source, $"{what}: SubmitLabel", settings.SubmitLabel);
        CheckText(context, form.Source, $"{what}: NextLabel", settings.NextLabel);
        CheckText(context, form.Source, $"{what}: PreVLabel", settings.PreviousLabel);

        if (settings.GoToPageOnSubmit is { } page && !context.Content.ContainsKey(page))
        {
            context.Problem(form.Source, $"{what}: GoToPageOnSubmit {page} is not a content node in the set.");
        }

        if (form.Pages.Count == 0)
        {
            context.Problem(form.Source, $"{what} has no pages.");
        }
    }

    private static void CheckField(ValidationContext context, UsyncForm form, HashSet<Guid> ids, FormField field)
    {
        var at = form.Source with { Line = field.Line };
        var what = $"Field '{field.Alias}'";
        if (field.Alias.Length > 0 && !Identifier().IsMatch(field.Alias))
        {
            context.Problem(at, $"{what}: the alias must be an identifier (letters, digits and _, not starting with a digit).");
        }

        CheckText(context, at, $"{what}: caption", field.Caption);
        CheckText(context, at, $"{what}: help text", field.HelpText);
        CheckText(context, at, $"{what}: placeholder", field.Placeholder);
        CheckText(context, at, $"{what}: requiredErrorMessage", field.RequiredErrorMessage);
        CheckText(context, at, $"{what}: invalidErrorMessage", field.InvalidErrorMessage);
        foreach (var preValue in field.PreValues)
        {
            CheckText(context, at, $"{what}: the caption of prevalue '{preValue.Value}'", preValue.Caption);
        }

        var type = FormFieldTypes.Find(field.FieldTypeId);
        if (type is null)
        {
            if (field.FieldTypeId != Guid.Empty)
            {
                context.Problem(at, $"{what}: fieldTypeId {field.FieldTypeId} is not a Forms field type this host knows.");
            }
        }
        else if (type.HasPreValues)
        {
            if (field.PreValues.Count == 0)
            {
                context.Problem(at, $"{what}: a {type.Alias} field needs at least one prevalue.");
            }

            foreach (var blank in field.PreValues.Where(p => string.IsNullOrWhiteSpace(p.Value)))
            {
                context.Problem(at, $"{what}: a prevalue has no value.");
            }

            foreach (var duplicate in field.PreValues.GroupBy(p => p.Value, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                context.Problem(at, $"{what}: the prevalue value '{duplicate.Key}' is given {duplicate.Count()} times.");
            }
        }

        if (type == FormFieldTypes.DataConsent)
        {
            if (!field.Mandatory)
            {
                context.Problem(at, $"{what}: a dataConsent field must be mandatory.");
            }

            if (!field.Settings.TryGetValue(AcceptCopySetting, out var acceptCopy) || string.IsNullOrWhiteSpace(acceptCopy))
            {
                context.Problem(at, $"{what}: a dataConsent field needs settings.{AcceptCopySetting}, the text the visitor accepts.");
            }
            else
            {
                CheckText(context, at, $"{what}: settings.{AcceptCopySetting}", acceptCopy);
            }
        }

        if (field.RegEx.Length > 0)
        {
            try
            {
                _ = new Regex(field.RegEx, RegexOptions.None, RegexTimeout);
            }
            catch (ArgumentException ex)
            {
                context.Problem(at, $"{what}: regEx '{field.RegEx}' is not a valid .NET regular expression: {ex.Message}");
            }
        }

        CheckCondition(context, form, ids, field.Condition, at, what);
    }

    private static void CheckCondition(
        ValidationContext context, UsyncForm form, HashSet<Guid> ids, FormCondition? condition, SourceLocation at, string what)
    {
        if (condition is null)
        {
            return;
        }

        if (!ConditionActions.Contains(condition.ActionType))
        {
            context.Problem(at, $"{what}: condition actionType '{condition.ActionType}' is not Show or Hide.");
        }

        if (!ConditionLogic.Contains(condition.LogicType))
        {
            context.Problem(at, $"{what}: condition logicType '{condition.LogicType}' is not All or Any.");
        }

        if (condition.Rules.Count == 0)
        {
            context.Problem(at, $"{what}: an enabled condition needs at least one rule.");
        }

        foreach (var rule in condition.Rules)
        {
            if (!ConditionOperators.Contains(rule.Operator))
            {
                context.Problem(at, $"{what}: condition operator '{rule.Operator}' is not one of Forms' operators ({string.Join(", ", ConditionOperators)}).");
            }

            if (!ids.Contains(rule.Field))
            {
                context.Problem(at, $"{what}: a condition rule names field {rule.Field}, which is not a field of form '{form.Alias}'.");
            }
        }
    }

    private static void CheckWorkflow(ValidationContext context, UsyncForm form, List<FormField> fields, FormWorkflow workflow)
    {
        var at = form.Source with { Line = workflow.Line };
        var what = $"Workflow '{workflow.Name}' of form '{form.Alias}'";
        if (!WorkflowStages.Contains(workflow.ExecutesOn))
        {
            context.Problem(at, $"{what}: ExecutesOn '{workflow.ExecutesOn}' is not Submit or Approve.");
        }

        if (workflow.WorkflowTypeId != RegistrationWorkflowType.Id)
        {
            if (workflow.WorkflowTypeId != Guid.Empty)
            {
                context.Problem(at, $"{what}: WorkflowTypeId {workflow.WorkflowTypeId} is not a workflow this host runs.");
            }

            return;
        }

        var byAlias = fields.GroupBy(f => f.Alias, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

        FormField? Named(string setting, Func<FormField, bool> fits, string expected)
        {
            if (!workflow.Settings.TryGetValue(setting, out var alias) || string.IsNullOrWhiteSpace(alias))
            {
                context.Problem(at, $"{what}: setting '{setting}' is missing; it names the {expected} field.");
                return null;
            }

            if (!byAlias.TryGetValue(alias, out var field))
            {
                context.Problem(at, $"{what}: {setting} '{alias}' is not a field of the form.");
                return null;
            }

            if (!fits(field))
            {
                context.Problem(at, $"{what}: {setting} '{alias}' must be {expected} field.");
                return null;
            }

            return field;
        }

        bool Is(FormField field, params FormFieldType[] types) => types.Any(t => t.Id == field.FieldTypeId);

        Named(RegistrationWorkflowType.EmailField,
            f => Is(f, FormFieldTypes.ShortAnswer) && f.Settings.TryGetValue(FieldTypeSetting, out var kind) && kind == "email",
            "a shortAnswer with settings.fieldType \"email\"");
        Named(RegistrationWorkflowType.NameField, f => Is(f, FormFieldTypes.ShortAnswer), "a shortAnswer");
        Named(RegistrationWorkflowType.ConsentField, f => Is(f, FormFieldTypes.DataConsent), "a dataConsent");
        var places = Named(RegistrationWorkflowType.PlacesField,
            f => Is(f, FormFieldTypes.Dropdown, FormFieldTypes.SingleChoice, FormFieldTypes.MultipleChoice),
            "a dropdown, singleChoice or multipleChoice");
        if (places is null)
        {
            return;
        }

        foreach (var preValue in places.PreValues)
        {
            if (!Guid.TryParse(preValue.Value, out var key) || !context.Content.ContainsKey(key))
            {
                context.Problem(form.Source with { Line = places.Line },
                    $"Field '{places.Alias}': prevalue '{preValue.Value}' is not the key of a content item in the set, but the registration workflow books it as a place.");
            }
        }
    }

    /// <summary>A text starting with '#' is a dictionary key (Forms translates it per culture): it must be in the set.</summary>
    private static void CheckText(ValidationContext context, SourceLocation at, string what, string? text)
    {
        if (text is null || !text.StartsWith('#'))
        {
            return;
        }

        var key = text[1..];
        if (!context.DictionaryByAlias.ContainsKey(key))
        {
            context.Problem(at, $"{what} '{text}' names dictionary key '{key}', which is not a dictionary item in the set.");
        }
    }
}
