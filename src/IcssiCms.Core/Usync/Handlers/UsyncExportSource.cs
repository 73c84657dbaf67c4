using IcssiCms.Usync.Model;

namespace IcssiCms.Core.Usync.Handlers;

/// <summary>Where an exported item was read: Umbraco itself, not a file.</summary>
public static class UsyncExportSource
{
    public static SourceLocation Umbraco { get; } = new("umbraco", 0);
}
