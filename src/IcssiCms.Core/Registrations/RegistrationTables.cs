using NPoco;
using Umbraco.Cms.Infrastructure.Persistence.DatabaseAnnotations;

namespace IcssiCms.Core.Registrations;

/// <summary>Where a registration stands.</summary>
public enum RegistrationStatus
{
    /// <summary>Holds a place; the e-mail address is not confirmed yet.</summary>
    Pending = 0,

    /// <summary>Holds a place, confirmed through the e-mailed link.</summary>
    Confirmed = 1,

    /// <summary>In line for a place.</summary>
    Waitlisted = 2,

    Cancelled = 3,

    /// <summary>A held place not confirmed in time, released.</summary>
    Expired = 4,
}

public static class RegistrationStatusText
{
    /// <summary>The status as the APIs and the CSV spell it: <c>pending</c>, <c>confirmed</c>, <c>waitlisted</c> …</summary>
    public static string ToText(this RegistrationStatus status) => status.ToString().ToLowerInvariant();
}

/// <summary>What an e-mail of the outbox tells the person.</summary>
public enum RegistrationMailKind
{
    /// <summary>A place is held: confirm it (or cancel).</summary>
    ConfirmPlace = 0,

    /// <summary>Full: you are on the waitlist; confirm your address (or cancel).</summary>
    Waitlisted = 1,

    /// <summary>A place freed and is now yours.</summary>
    Promoted = 2,

    /// <summary>Your registration is cancelled.</summary>
    Cancelled = 3,
}

/// <summary>
/// One accepted form entry, as Umbraco Forms keeps a record: the form, the page it was sent from, the language, the
/// values as sent (by field alias), and the consent given with it.
/// </summary>
[TableName(TableName)]
[PrimaryKey("key", AutoIncrement = false)]
[ExplicitColumns]
public sealed class FormRecordDto
{
    public const string TableName = "icssiFormRecord";

    [Column("key")]
    [PrimaryKeyColumn(AutoIncrement = false, Name = "PK_icssiFormRecord")]
    public Guid Key { get; set; }

    [Column("formKey")]
    public Guid FormKey { get; set; }

    [Column("contentKey")]
    [NullSetting(NullSetting = NullSettings.Null)]
    public Guid? ContentKey { get; set; }

    [Column("culture")]
    [Length(32)]
    public string Culture { get; set; } = string.Empty;

    [Column("email")]
    [Length(320)]
    [Index(IndexTypes.NonClustered, Name = "IX_icssiFormRecord_email")]
    public string Email { get; set; } = string.Empty;

    [Column("valuesJson")]
    [SpecialDbType(SpecialDbTypes.NVARCHARMAX)]
    public string ValuesJson { get; set; } = string.Empty;

    /// <summary>A hash of the consent text as shown, in <see cref="Culture"/>; null when the form asks for none.</summary>
    [Column("consentVersion")]
    [Length(64)]
    [NullSetting(NullSetting = NullSettings.Null)]
    public string? ConsentVersion { get; set; }

    [Column("consentText")]
    [SpecialDbType(SpecialDbTypes.NVARCHARMAX)]
    [NullSetting(NullSetting = NullSettings.Null)]
    public string? ConsentText { get; set; }

    [Column("createdUtc")]
    public DateTime CreatedUtc { get; set; }
}

/// <summary>A person's registration for one event (or support of one campaign), with their place or place in line.</summary>
[TableName(TableName)]
[PrimaryKey("key", AutoIncrement = false)]
[ExplicitColumns]
public sealed class RegistrationDto
{
    public const string TableName = "icssiRegistration";

    [Column("key")]
    [PrimaryKeyColumn(AutoIncrement = false, Name = "PK_icssiRegistration")]
    public Guid Key { get; set; }

    [Column("recordKey")]
    public Guid RecordKey { get; set; }

    [Column("formKey")]
    public Guid FormKey { get; set; }

    [Column("eventKey")]
    [Index(IndexTypes.UniqueNonClustered, Name = "IX_icssiRegistration_event_email", ForColumns = "eventKey,email")]
    public Guid EventKey { get; set; }

    [Column("email")]
    [Length(320)]
    public string Email { get; set; } = string.Empty;

    [Column("name")]
    [Length(255)]
    public string Name { get; set; } = string.Empty;

    [Column("culture")]
    [Length(32)]
    public string Culture { get; set; } = string.Empty;

    [Column("status")]
    public int Status { get; set; }

    /// <summary>Order of arrival across all events: who is next in line.</summary>
    [Column("position")]
    public long Position { get; set; }

    [Column("createdUtc")]
    public DateTime CreatedUtc { get; set; }

    [Column("updatedUtc")]
    public DateTime UpdatedUtc { get; set; }

    [Column("emailConfirmedUtc")]
    [NullSetting(NullSetting = NullSettings.Null)]
    public DateTime? EmailConfirmedUtc { get; set; }

    [Ignore]
    public bool HoldsPlace => (RegistrationStatus)Status is RegistrationStatus.Pending or RegistrationStatus.Confirmed;

    [Ignore]
    public bool IsActive => HoldsPlace || (RegistrationStatus)Status == RegistrationStatus.Waitlisted;
}

/// <summary>An e-mail to send, written in the same transaction as the change it tells of, and sent after it commits.</summary>
[TableName(TableName)]
[PrimaryKey("key", AutoIncrement = false)]
[ExplicitColumns]
public sealed class OutboxMailDto
{
    public const string TableName = "icssiOutboxMail";

    [Column("key")]
    [PrimaryKeyColumn(AutoIncrement = false, Name = "PK_icssiOutboxMail")]
    public Guid Key { get; set; }

    [Column("registrationKey")]
    [Index(IndexTypes.NonClustered, Name = "IX_icssiOutboxMail_registration")]
    public Guid RegistrationKey { get; set; }

    [Column("kind")]
    public int Kind { get; set; }

    [Column("dueUtc")]
    [Index(IndexTypes.NonClustered, Name = "IX_icssiOutboxMail_due")]
    public DateTime DueUtc { get; set; }

    [Column("attempts")]
    public int Attempts { get; set; }

    [Column("createdUtc")]
    public DateTime CreatedUtc { get; set; }
}
