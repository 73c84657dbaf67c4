namespace IcssiCms.Store.Storage;

/// <summary>
/// A publish or unpublish of one culture of an item (the empty culture for an invariant item), due at a time in UTC;
/// the back office's scheduler carries it out as the user who scheduled it, then removes it.
/// </summary>
public sealed class ContentSchedule
{
    public long Id { get; set; }

    public Guid NodeKey { get; set; }

    /// <summary>The culture; empty for an invariant item.</summary>
    public required string Culture { get; set; }

    /// <summary><see cref="BackOfficeAuditActions.Publish"/> or <see cref="BackOfficeAuditActions.Unpublish"/>.</summary>
    public required string Action { get; set; }

    /// <summary>When it is due, in UTC.</summary>
    public DateTime At { get; set; }

    /// <summary>The <see cref="BackOfficeUser.Key"/> of who scheduled it, as whom it is carried out.</summary>
    public Guid UserKey { get; set; }
}
