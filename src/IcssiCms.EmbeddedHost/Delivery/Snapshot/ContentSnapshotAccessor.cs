namespace IcssiCms.EmbeddedHost.Delivery.Snapshot;

/// <summary>
/// The current snapshots, published and draft; each is swapped whole, so a request sees one consistent hub.
/// </summary>
public sealed class ContentSnapshotAccessor
{
    private ContentSnapshot _published = ContentSnapshot.Empty;
    private ContentSnapshot _draft = ContentSnapshot.Empty;

    /// <summary>What visitors see.</summary>
    public ContentSnapshot Current => Volatile.Read(ref _published);

    /// <summary>What a preview sees: the drafts.</summary>
    public ContentSnapshot Draft => Volatile.Read(ref _draft);

    public ContentSnapshot For(bool preview) => preview ? Draft : Current;

    public void Replace(ContentSnapshot published, ContentSnapshot draft)
    {
        Volatile.Write(ref _draft, draft);
        Volatile.Write(ref _published, published);
    }
}
