namespace IcssiCms.VisitorSite.Forms;

/// <summary>What the Forms API made of an entry.</summary>
public abstract record FormSubmission
{
    /// <summary>202: the entry is stored; the hub's registrations add where the person was placed at each event.</summary>
    public sealed record Accepted(string? Message, bool MessageIsHtml, IReadOnlyList<Place> Places) : FormSubmission;

    /// <summary>422: the entry's errors by field alias, in the entry's language.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, IReadOnlyList<string>> Errors) : FormSubmission;

    /// <summary>
    /// Any other refusal (400, 413, 429…): the hub's message, where it gave one (not for a body over its size limit,
    /// which Kestrel refuses without a word), and how long to wait when the hub says.
    /// </summary>
    public sealed record Refused(int Status, string? Detail, TimeSpan? RetryAfter) : FormSubmission;
}

public sealed record Place(Guid Id, string Name, string Status)
{
    public bool IsWaitlisted => Status == "waitlisted";
}
