namespace IcssiCms.VisitorSite.Forms;

/// <summary>A form to render: its definition, what the visitor entered, and what the hub said about it.</summary>
public sealed class FormView
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> None = new Dictionary<string, IReadOnlyList<string>>();

    public required FormDefinition Definition { get; init; }

    /// <summary>False when the site has no Forms API key: the form is shown, with a note that it cannot be sent yet.</summary>
    public required bool CanSubmit { get; init; }

    public string? FormToken { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Values { get; init; } = None;

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Errors { get; init; } = None;

    /// <summary>A refusal that is not about one field (too soon, too many entries, an expired token).</summary>
    public string? Problem { get; init; }

    public FormSubmission.Accepted? Accepted { get; init; }

    /// <summary>Places at the events a choice stands for, by the choice's value (a content key), where the hub says.</summary>
    public IReadOnlyDictionary<string, EventPlaces> Places { get; init; } = new Dictionary<string, EventPlaces>();

    /// <summary>Choices ticked before the visitor has entered anything (the campaign whose page the form is on).</summary>
    public IReadOnlyCollection<string> Preselected { get; init; } = [];

    public IReadOnlyList<string> ValuesOf(string alias) => Values.TryGetValue(alias, out var values) ? values : [];

    public string ValueOf(string alias) => ValuesOf(alias).FirstOrDefault() ?? string.Empty;

    public IReadOnlyList<string> ErrorsOf(string alias) => Errors.TryGetValue(alias, out var errors) ? errors : [];

    public bool IsChosen(string alias, string value) =>
        Values.Count == 0 ? Preselected.Contains(value) : ValuesOf(alias).Contains(value, StringComparer.Ordinal);

    public string IdOf(FormField field) => $"f-{field.Id:N}";
}
