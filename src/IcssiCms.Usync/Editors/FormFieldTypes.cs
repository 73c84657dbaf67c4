namespace IcssiCms.Usync.Editors;

/// <summary>One Umbraco Forms field type: the id a form's JSON stores, and the alias the Forms API answers with.</summary>
public sealed record FormFieldType(Guid Id, string Alias, string Name, bool HasPreValues, bool AcceptsMany);

/// <summary>The field types of Umbraco Forms 17, by the ids Forms gives them.</summary>
public static class FormFieldTypes
{
    public static FormFieldType ShortAnswer { get; } = new(Guid.Parse("3f92e01b-29e2-4a30-bf33-9df5580ed52c"), "shortAnswer", "Short answer", false, false);
    public static FormFieldType LongAnswer { get; } = new(Guid.Parse("023f09ac-1445-4bcb-b8fa-ab49f33bd046"), "longAnswer", "Long answer", false, false);
    public static FormFieldType Dropdown { get; } = new(Guid.Parse("0dd29d42-a6a5-11de-a2f2-222256d89593"), "dropdown", "Dropdown", true, false);
    public static FormFieldType Checkbox { get; } = new(Guid.Parse("d5c0c390-ae9a-11de-a69e-666455d89593"), "checkbox", "Checkbox", false, false);
    public static FormFieldType MultipleChoice { get; } = new(Guid.Parse("fab43f20-a6bf-11de-a28f-9b5755d89593"), "multipleChoice", "Multiple choice", true, true);
    public static FormFieldType SingleChoice { get; } = new(Guid.Parse("903df9b0-a78c-11de-9fc1-db7a56d89593"), "singleChoice", "Single choice", true, false);
    public static FormFieldType DataConsent { get; } = new(Guid.Parse("a72c9df9-3847-47cf-afb8-b86773fd12cd"), "dataConsent", "Data consent", false, false);
    public static FormFieldType Date { get; } = new(Guid.Parse("f8b4c3b8-af28-11de-9dd8-ef5956d89593"), "date", "Date", false, false);
    public static FormFieldType Hidden { get; } = new(Guid.Parse("da206cae-1c52-434e-b21a-4a7c198af877"), "hidden", "Hidden", false, false);

    public static IReadOnlyList<FormFieldType> All { get; } =
        [ShortAnswer, LongAnswer, Dropdown, Checkbox, MultipleChoice, SingleChoice, DataConsent, Date, Hidden];

    private static readonly Dictionary<Guid, FormFieldType> ById = All.ToDictionary(t => t.Id);

    public static FormFieldType? Find(Guid id) => ById.GetValueOrDefault(id);
}

/// <summary>
/// The workflow type that turns a submission into registrations: places at the events, sessions or campaigns
/// whose content keys are the chosen prevalues of one field, with capacity, waitlist and double opt-in. Its
/// settings name the fields it reads: <c>emailField</c>, <c>nameField</c>, <c>placesField</c>, <c>consentField</c>.
/// </summary>
public static class RegistrationWorkflowType
{
    public static Guid Id { get; } = Guid.Parse("5b1c2f3e-7a4d-4c8e-9f60-1c3a9e2d7b15");

    public const string EmailField = "emailField";
    public const string NameField = "nameField";
    public const string PlacesField = "placesField";
    public const string ConsentField = "consentField";
}
