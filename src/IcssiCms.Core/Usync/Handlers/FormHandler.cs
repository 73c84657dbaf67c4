using IcssiCms.Core.Forms;
using IcssiCms.Usync;
using IcssiCms.Usync.Model;

namespace IcssiCms.Core.Usync.Handlers;

/// <summary>Umbraco Forms forms (uSync.Forms' files), kept in the plugin's own table since Umbraco Forms cannot run here.</summary>
public sealed class FormHandler(HubForms forms, TimeProvider clock) : IUsyncItemHandler
{
    public UsyncHandler Handler => UsyncHandlers.Forms;

    public Task<int> ImportAsync(UsyncImportContext import, CancellationToken cancellationToken)
    {
        var changed = import.Set.Forms.Where(f => import.IsChanged(f.Source)).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var form in changed)
        {
            forms.Save(form, now);
        }

        return Task.FromResult(changed.Count);
    }

    public Task<int> DeleteAsync(IReadOnlyList<UsyncDelete> deletes, CancellationToken cancellationToken) =>
        Task.FromResult(deletes.Count(delete => forms.Delete(delete.Key, delete.Alias)));

    public Task<UsyncSet> ExportAsync(UsyncSet set, CancellationToken cancellationToken) =>
        Task.FromResult(set with { Forms = forms.GetAll() });
}
