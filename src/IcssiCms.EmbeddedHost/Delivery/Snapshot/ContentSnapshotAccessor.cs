namespace IcssiCms.EmbeddedHost.Delivery.Snapshot;

/// <summary>The current published snapshot; swapped whole, so a request sees one consistent hub.</summary>
public sealed class ContentSnapshotAccessor
{
    private ContentSnapshot _current = ContentSnapshot.Empty;

    public ContentSnapshot Current => Volatile.Read(ref _current);

    public void Replace(ContentSnapshot snapshot) => Volatile.Write(ref _current, snapshot);
}
