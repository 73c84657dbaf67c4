namespace IcssiCms.Store.Storage;

/// <summary>What an editor did to content in the back office, as Umbraco's audit log keeps it: who, what, which cultures, when.</summary>
public sealed class BackOfficeAuditEntry
{
    public long Id { get; set; }

    /// <summary>The <see cref="BackOfficeUser.Key"/> of who did it.</summary>
    public Guid UserKey { get; set; }

    /// <summary>The content node it was done to.</summary>
    public Guid NodeKey { get; set; }

    /// <summary>One of <see cref="BackOfficeAuditActions"/>.</summary>
    public required string Action { get; set; }

    /// <summary>The cultures it concerned, comma-separated; empty when it concerned the whole item.</summary>
    public required string Cultures { get; set; }

    public DateTime At { get; set; }

    /// <summary>Why, when it needs saying: the reasons a scheduled publish was refused, or what was scheduled.</summary>
    public string? Detail { get; set; }
}

/// <summary>The actions the audit trail records.</summary>
public static class BackOfficeAuditActions
{
    public const string Create = "create";
    public const string Save = "save";
    public const string Publish = "publish";
    public const string Unpublish = "unpublish";
    public const string Delete = "delete";
    public const string Trash = "trash";
    public const string Restore = "restore";
    public const string Schedule = "schedule";
    public const string ScheduledPublishRefused = "scheduled publish refused";
}
