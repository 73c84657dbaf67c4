using IcssiCms.Store.Reading;
using IcssiCms.Store.Storage;
using IcssiCms.Usync.Model;

namespace IcssiCms.EmbeddedHost.Forms;

/// <summary>The imported forms and dictionary in memory, replaced whole after each import.</summary>
public sealed class FormCatalog(IServiceScopeFactory scopes)
{
    private Catalog _current = new(new Dictionary<Guid, UsyncForm>(), new Dictionary<string, UsyncDictionaryItem>(StringComparer.OrdinalIgnoreCase));

    public UsyncForm? Find(Guid key) => Volatile.Read(ref _current).Forms.GetValueOrDefault(key);

    public UsyncDictionaryItem? Translation(string itemKey) => Volatile.Read(ref _current).Dictionary.GetValueOrDefault(itemKey);

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var schema = await StoreFormReader.ReadAsync(scope.ServiceProvider.GetRequiredService<HubDbContext>(), cancellationToken);
        var catalog = new Catalog(
            schema.Forms.ToDictionary(f => f.Key),
            schema.Dictionary.ToDictionary(d => d.Alias, StringComparer.OrdinalIgnoreCase));
        Volatile.Write(ref _current, catalog);
    }

    private sealed record Catalog(IReadOnlyDictionary<Guid, UsyncForm> Forms, IReadOnlyDictionary<string, UsyncDictionaryItem> Dictionary);
}
