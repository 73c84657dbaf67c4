using IcssiCms.Usync;
using IcssiCms.Usync.Model;

namespace IcssiCms.Core.Usync.Handlers;

/// <summary>
/// One uSync item type in Umbraco, both ways: it imports the items of a validated set through Umbraco's services (inside
/// the import's scope), applies its delete markers, and exports Umbraco's items back into the uSync model. Handlers run in
/// <see cref="UsyncHandler.Priority"/> order (deletes in reverse); a new item type is a new handler.
/// </summary>
public interface IUsyncItemHandler
{
    UsyncHandler Handler { get; }

    /// <summary>Writes the items whose files changed; returns how many it wrote.</summary>
    Task<int> ImportAsync(UsyncImportContext import, CancellationToken cancellationToken);

    /// <summary>Deletes the items the markers name (a marker for something Umbraco does not have is no change).</summary>
    Task<int> DeleteAsync(IReadOnlyList<UsyncDelete> deletes, CancellationToken cancellationToken);

    /// <summary>The set with this handler's items, as Umbraco has them now.</summary>
    Task<UsyncSet> ExportAsync(UsyncSet set, CancellationToken cancellationToken);
}
