using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using IcssiCms.Usync.Editors;
using IcssiCms.Usync.Model;

namespace IcssiCms.Core.Forms.Delivery;

/// <summary>
/// Checks an entry against its form as Umbraco Forms does on the server: mandatory fields, patterns, e-mail
/// fields, prevalues; fields hidden by their conditions are neither required nor kept. Errors are keyed by alias.
/// </summary>
public static class FormEntryValidator
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(200);

    public sealed record Result(IReadOnlyDictionary<string, string[]> Errors, IReadOnlyDictionary<string, IReadOnlyList<string>> Accepted)
    {
        public bool IsValid => Errors.Count == 0;
    }

    public static Result Validate(UsyncForm form, FormEntry entry, FormTranslator t)
    {
        var fields = form.Fields.ToList();
        var byId = fields.ToDictionary(f => f.Id);
        var hiddenSets = form.Pages.SelectMany(p => p.FieldSets).Where(s => !IsShown(s.Condition, entry, byId))
            .SelectMany(s => s.Containers).SelectMany(c => c.Fields).Select(f => f.Id).ToHashSet();

        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        var accepted = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in fields)
        {
            if (hiddenSets.Contains(field.Id) || !IsShown(field.Condition, entry, byId))
            {
                continue;
            }

            var type = FormFieldTypes.Find(field.FieldTypeId);
            var values = entry.ValuesOf(field.Alias).Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
            var problem = Check(form, field, type, values, t);
            if (problem is not null)
            {
                errors[field.Alias] = [problem];
            }
            else if (values.Count > 0)
            {
                accepted[field.Alias] = values;
            }
        }

        return new Result(errors, accepted);
    }

    private static string? Check(UsyncForm form, FormField field, FormFieldType? type, List<string> values, FormTranslator t)
    {
        var ticked = type == FormFieldTypes.DataConsent || type == FormFieldTypes.Checkbox;
        if (ticked)
        {
            values.RemoveAll(v => !IsTicked(v));
        }

        if (values.Count == 0)
        {
            return field.Mandatory ? FormDefinitionBuilder.RequiredMessage(form, field, t) : null;
        }

        var invalid = FormDefinitionBuilder.InvalidMessage(form, field, t);
        if (type is { AcceptsMany: false } && values.Count > 1)
        {
            return invalid;
        }

        if (type is { HasPreValues: true } && values.Any(v => !field.PreValues.Any(p => string.Equals(p.Value, v, StringComparison.Ordinal))))
        {
            return invalid;
        }

        if (string.Equals(field.Settings.GetValueOrDefault("fieldType"), "email", StringComparison.OrdinalIgnoreCase) && !values.All(IsEmail))
        {
            return invalid;
        }

        if (type == FormFieldTypes.Date && !values.All(v => DateTime.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
        {
            return invalid;
        }

        if (!string.IsNullOrEmpty(field.RegEx) && !values.All(v => Matches(field.RegEx, v)))
        {
            return invalid;
        }

        return null;
    }

    public static bool IsTicked(string value) =>
        value.Equals("on", StringComparison.OrdinalIgnoreCase) || value.Equals("true", StringComparison.OrdinalIgnoreCase);

    public static bool IsEmail(string value) =>
        value.Length <= 254 && MailAddress.TryCreate(value, out var address) && address.Address == value && address.Host.Contains('.');

    private static bool Matches(string pattern, string value)
    {
        try
        {
            return Regex.IsMatch(value, pattern, RegexOptions.None, RegexTimeout);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>Whether a field or fieldset with this condition is shown, given the values entered.</summary>
    public static bool IsShown(FormCondition? condition, FormEntry entry, IReadOnlyDictionary<Guid, FormField> fields)
    {
        if (condition is null || condition.Rules.Count == 0)
        {
            return true;
        }

        var results = condition.Rules.Select(rule => Holds(rule, fields.TryGetValue(rule.Field, out var field) ? entry.ValuesOf(field.Alias) : []));
        var met = string.Equals(condition.LogicType, "Any", StringComparison.OrdinalIgnoreCase) ? results.Any(r => r) : results.All(r => r);
        var show = string.Equals(condition.ActionType, "Show", StringComparison.OrdinalIgnoreCase);
        return show ? met : !met;
    }

    private static bool Holds(FormConditionRule rule, IReadOnlyList<string> values)
    {
        var value = string.Join(", ", values.Select(v => v.Trim()));
        var expected = rule.Value;
        var ignoreCase = rule.Operator.EndsWith("IgnoreCase", StringComparison.Ordinal);
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var op = ignoreCase ? rule.Operator[..^"IgnoreCase".Length] : rule.Operator;
        return op switch
        {
            "Is" => values.Any(v => string.Equals(v.Trim(), expected, StringComparison.OrdinalIgnoreCase)),
            "IsNot" => !values.Any(v => string.Equals(v.Trim(), expected, StringComparison.OrdinalIgnoreCase)),
            "GreaterThen" => Number(value) > Number(expected),
            "LessThen" => Number(value) < Number(expected),
            "Contains" => value.Contains(expected, comparison),
            "NotContains" => !value.Contains(expected, comparison),
            "StartsWith" => value.StartsWith(expected, comparison),
            "NotStartsWith" => !value.StartsWith(expected, comparison),
            "EndsWith" => value.EndsWith(expected, comparison),
            "NotEndsWith" => !value.EndsWith(expected, comparison),
            _ => false,
        };
    }

    private static decimal Number(string text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number : decimal.MinValue;
}
