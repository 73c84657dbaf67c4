namespace IcssiCms.Core.Delivery.Caching;

/// <summary>A number that goes up whenever this server's Delivery API content may have changed: at each eviction.</summary>
public sealed class ContentGeneration
{
    private long _current;

    public long Current => Interlocked.Read(ref _current);

    public void Advance() => Interlocked.Increment(ref _current);
}
