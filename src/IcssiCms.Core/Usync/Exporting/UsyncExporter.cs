using IcssiCms.Core.Usync.Handlers;
using IcssiCms.Usync;
using IcssiCms.Usync.Model;
using IcssiCms.Usync.Writing;

namespace IcssiCms.Core.Usync.Exporting;

/// <summary>
/// Reads Umbraco's items back into the uSync model, handler by handler, and writes them as uSync 17 writes them (the
/// library's deterministic writer): a folder imported and exported again gives the same bytes.
/// </summary>
public sealed class UsyncExporter(IEnumerable<IUsyncItemHandler> handlers)
{
    private readonly UsyncFolderWriter _writer = new();

    /// <summary>The items of these handlers, as Umbraco has them now.</summary>
    public async Task<UsyncSet> ReadAsync(IReadOnlyList<UsyncHandler> which, CancellationToken cancellationToken = default)
    {
        var wanted = which.Select(h => h.ItemType).ToHashSet();
        var set = UsyncSet.Empty;
        foreach (var handler in handlers.Where(h => wanted.Contains(h.Handler.ItemType)).OrderBy(h => h.Handler.Priority))
        {
            set = await handler.ExportAsync(set, cancellationToken);
        }

        return set;
    }

    /// <summary>Writes the handlers' items below <paramref name="folder"/>; unchanged files are left alone.</summary>
    public async Task<UsyncWriteResult> ExportAsync(string folder, UsyncWriteOptions options, CancellationToken cancellationToken = default) =>
        _writer.Write(await ReadAsync(options.Handlers, cancellationToken), folder, options);
}
