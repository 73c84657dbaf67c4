using System.Collections.Concurrent;
using IcssiCms.Core.Forms.Delivery;
using IcssiCms.EmbeddedHost.Delivery.Snapshot;
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

    /// <summary>
    /// A form's definition in a culture, built once per form, culture and content snapshot (its redirect route comes
    /// from the content): every entry answers with the form's message, so it is read far more often than it changes.
    /// </summary>
    public FormDefinitionResponse? Definition(Guid key, string culture, ContentSnapshot snapshot)
    {
        var catalog = Volatile.Read(ref _current);
        if (!catalog.Forms.TryGetValue(key, out var form))
        {
            return null;
        }

        if (catalog.Definitions.TryGetValue((key, culture), out var built) && ReferenceEquals(built.Snapshot, snapshot))
        {
            return built.Definition;
        }

        var definition = FormDefinitionBuilder.Build(form, Translator(culture, snapshot.DefaultCulture), RouteOf(form.Settings.GoToPageOnSubmit, culture, snapshot));
        catalog.Definitions[(key, culture)] = (snapshot, definition);
        return definition;
    }

    public FormTranslator Translator(string culture, string defaultCulture) => new(key => Translation(key)?.Translations, culture, defaultCulture);

    private static FormRouteResponse? RouteOf(Guid? page, string culture, ContentSnapshot snapshot)
    {
        if (page is null || snapshot.Find(page.Value) is not { } item)
        {
            return null;
        }

        var route = item.Cultures.Values.FirstOrDefault(c => string.Equals(c.Culture, culture, StringComparison.OrdinalIgnoreCase))
            ?? item.Cultures.Values.FirstOrDefault();
        var root = snapshot.RootOf(item);
        return route is null ? null : new FormRouteResponse(route.Route, new FormStartItemResponse(root.Key, root.Cultures.Values.FirstOrDefault()?.Route ?? "/"));
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var schema = await StoreFormReader.ReadAsync(scope.ServiceProvider.GetRequiredService<HubDbContext>(), cancellationToken);
        var catalog = new Catalog(
            schema.Forms.ToDictionary(f => f.Key),
            schema.Dictionary.ToDictionary(d => d.Alias, StringComparer.OrdinalIgnoreCase));
        Volatile.Write(ref _current, catalog);
    }

    private sealed record Catalog(IReadOnlyDictionary<Guid, UsyncForm> Forms, IReadOnlyDictionary<string, UsyncDictionaryItem> Dictionary)
    {
        public ConcurrentDictionary<(Guid Form, string Culture), (ContentSnapshot Snapshot, FormDefinitionResponse Definition)> Definitions { get; } = new();
    }
}
