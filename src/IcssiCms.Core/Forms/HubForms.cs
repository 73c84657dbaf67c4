using System.Text.Json;
using IcssiCms.Usync.Model;
using NPoco;
using Umbraco.Cms.Core.Cache;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Infrastructure.Scoping;

namespace IcssiCms.Core.Forms;

/// <summary>
/// The hub's forms in the plugin's table (<see cref="FormDto"/>), in Umbraco's database and scopes: inside an import
/// they join its scope (and its rollback); on their own, each call is its own short scope. Outside a scope they are read
/// from memory, read again once <see cref="HubFormsCacheRefresher"/> says a form changed on any server.
/// </summary>
public sealed class HubForms(IScopeProvider scopes, IScopeAccessor ambient, Lazy<DistributedCache> distributedCache)
    : INotificationHandler<HubFormsCacheRefresherNotification>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    private volatile IReadOnlyList<UsyncForm>? _forms;

    public IReadOnlyList<UsyncForm> GetAll() => ambient.AmbientScope is null ? _forms ??= ReadAll() : ReadAll();

    public UsyncForm? Get(Guid key) => GetAll().FirstOrDefault(f => f.Key == key);

    public void Handle(HubFormsCacheRefresherNotification notification) => _forms = null;

    /// <summary>
    /// Read in a scope of their own, or the ambient one: a form saved in an import that is not committed yet is not kept
    /// in memory, since the import may still roll back.
    /// </summary>
    private IReadOnlyList<UsyncForm> ReadAll()
    {
        using var scope = scopes.CreateScope(autoComplete: true);
        return scope.Database.Fetch<FormDto>(new Sql($"SELECT * FROM {FormDto.TableName} ORDER BY name"))
            .Select(Read)
            .ToList();
    }

    public void Save(UsyncForm form, DateTime updatedUtc)
    {
        using var scope = scopes.CreateScope(autoComplete: true);
        var dto = new FormDto
        {
            Key = form.Key,
            Alias = form.Alias,
            Name = form.Name,
            Definition = JsonSerializer.Serialize(form, Json),
            UpdatedUtc = updatedUtc,
        };

        // Another form may hold the alias under an older key (the file was re-keyed): the alias is unique.
        scope.Database.Execute(new Sql($"DELETE FROM {FormDto.TableName} WHERE alias = @0 AND {Quoted("key")} <> @1", form.Alias, form.Key));
        if (scope.Database.Update(dto) == 0)
        {
            scope.Database.Insert(dto);
        }

        distributedCache.Value.RefreshAll(HubFormsCacheRefresher.UniqueId);
    }

    public bool Delete(Guid key, string alias)
    {
        using var scope = scopes.CreateScope(autoComplete: true);
        var deleted = scope.Database.Execute(new Sql($"DELETE FROM {FormDto.TableName} WHERE {Quoted("key")} = @0 OR alias = @1", key, alias)) > 0;
        distributedCache.Value.RefreshAll(HubFormsCacheRefresher.UniqueId);
        return deleted;
    }

    private string Quoted(string column) => scopes.SqlContext.SqlSyntax.GetQuotedColumnName(column);

    private static UsyncForm Read(FormDto dto) =>
        JsonSerializer.Deserialize<UsyncForm>(dto.Definition, Json)
        ?? throw new InvalidDataException($"Form {dto.Key} ('{dto.Alias}') has no definition.");
}
