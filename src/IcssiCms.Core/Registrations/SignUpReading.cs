using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IcssiCms.Core.Forms.Delivery;
using IcssiCms.Usync.Editors;
using IcssiCms.Usync.Model;

namespace IcssiCms.Core.Registrations;

/// <summary>How the hub's registration workflow reads a validated form entry.</summary>
public static class SignUpReading
{
    /// <summary>
    /// The registration workflow's reading of an entry: who (e-mail, name), which events (the chosen prevalues are
    /// content keys), and the consent given (the version is a hash of the text as shown in the entry's culture).
    /// </summary>
    public static SignUpRequest Read(
        UsyncForm form,
        IReadOnlyDictionary<string, IReadOnlyList<string>> values,
        string culture,
        Guid? contentKey,
        FormTranslator translator,
        Func<Guid, bool> isPublished,
        out Dictionary<string, string[]>? errors)
    {
        errors = null;
        var valuesJson = JsonSerializer.Serialize(values);
        var workflow = form.Workflows.FirstOrDefault(w => w.Active && w.WorkflowTypeId == RegistrationWorkflowType.Id);
        if (workflow is null)
        {
            return new SignUpRequest(form.Key, contentKey, culture, string.Empty, string.Empty, valuesJson, null, []);
        }

        string Value(string setting) =>
            workflow.Settings.TryGetValue(setting, out var alias) && values.TryGetValue(alias, out var list) ? list[0] : string.Empty;

        var placesAlias = workflow.Settings.GetValueOrDefault(RegistrationWorkflowType.PlacesField) ?? string.Empty;
        var eventKeys = (values.GetValueOrDefault(placesAlias) ?? []).Select(Guid.Parse).ToList();
        var closed = eventKeys.Where(k => !isPublished(k)).ToList();
        if (closed.Count > 0)
        {
            var field = form.Fields.First(f => f.Alias == placesAlias);
            errors = new Dictionary<string, string[]>
            {
                [placesAlias] = [FormDefinitionBuilder.InvalidMessage(form, field, translator)],
            };
        }

        GivenConsent? consent = null;
        var consentAlias = workflow.Settings.GetValueOrDefault(RegistrationWorkflowType.ConsentField);
        if (form.Fields.FirstOrDefault(f => f.Alias == consentAlias) is { } consentField && values.ContainsKey(consentField.Alias))
        {
            var text = translator[consentField.Settings.GetValueOrDefault("acceptCopy")];
            consent = new GivenConsent(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16], culture, text);
        }

        return new SignUpRequest(
            form.Key,
            contentKey,
            culture,
            Value(RegistrationWorkflowType.EmailField).Trim().ToLowerInvariant(),
            Value(RegistrationWorkflowType.NameField).Trim(),
            valuesJson,
            consent,
            eventKeys);
    }
}
