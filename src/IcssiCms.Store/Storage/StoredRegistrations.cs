namespace IcssiCms.Store.Storage;

/// <summary>
/// One accepted form submission (Umbraco Forms calls it a record): the values as submitted, keyed by field alias,
/// and the consent given with it. Personal data: erased with everything else held on its e-mail address.
/// </summary>
public sealed class FormRecord
{
    public Guid Id { get; set; }

    public Guid FormKey { get; set; }

    /// <summary>The page the form was shown on, when the client named it.</summary>
    public Guid? ContentKey { get; set; }

    public required string Culture { get; set; }

    /// <summary>Lower-cased e-mail address the record was made with; what data-subject requests look up.</summary>
    public required string Email { get; set; }

    /// <summary>JSON object: field alias → array of strings.</summary>
    public required string Values { get; set; }

    public string? ConsentVersion { get; set; }

    public DateTime? ConsentedAt { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>The consent texts agreed to, by version (a hash of the text): a record names the version it agreed to.</summary>
public sealed class ConsentText
{
    public required string Version { get; set; }

    public required string Culture { get; set; }

    public required string Text { get; set; }

    public DateTime FirstAgreedAt { get; set; }
}

/// <summary>Where a registration stands. Pending and Confirmed hold a place; the others do not.</summary>
public enum RegistrationStatus
{
    /// <summary>Holds a place; the e-mail address is not confirmed yet.</summary>
    Pending,

    /// <summary>Holds a place, confirmed through the e-mailed link.</summary>
    Confirmed,

    /// <summary>In line for a place.</summary>
    Waitlisted,

    Cancelled,

    /// <summary>A pending place not confirmed in time, released to the waitlist.</summary>
    Expired,
}

/// <summary>
/// One person's place (or place in line) at one event, session or campaign: at most one per e-mail address and
/// event. <see cref="Position"/> orders sign-ups; the waitlist is served lowest first.
/// </summary>
public sealed class Registration
{
    public Guid Id { get; set; }

    public Guid RecordId { get; set; }

    public Guid FormKey { get; set; }

    /// <summary>The content item (conference, session or campaign) the place is for.</summary>
    public Guid EventKey { get; set; }

    public required string Email { get; set; }

    public required string Name { get; set; }

    public required string Culture { get; set; }

    public RegistrationStatus Status { get; set; }

    public long Position { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? EmailConfirmedAt { get; set; }

    /// <summary>When the last e-mail about this registration was queued: a repeat sign-up re-sends only after a while.</summary>
    public DateTime? LastMailedAt { get; set; }
}

/// <summary>What a registration e-mail says.</summary>
public enum RegistrationMailKind
{
    /// <summary>A place is held: confirm it (or cancel).</summary>
    ConfirmPlace,

    /// <summary>Full: you are on the waitlist; confirm your address (or cancel).</summary>
    Waitlisted,

    /// <summary>A place freed and is now yours.</summary>
    Promoted,

    /// <summary>Your registration is cancelled.</summary>
    Cancelled,
}

/// <summary>
/// An e-mail to send, written in the same transaction as the change it reports, so that a crash can neither
/// lose it nor send it for a change that was rolled back. The message is composed when it is sent.
/// </summary>
public sealed class OutboxMail
{
    public long Id { get; set; }

    public Guid RegistrationId { get; set; }

    public RegistrationMailKind Kind { get; set; }

    public DateTime CreatedAt { get; set; }

    public int Attempts { get; set; }

    public DateTime? NextAttemptAt { get; set; }
}
