using IcssiCms.Usync.Model;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Models.Entities;
using Umbraco.Cms.Core.Services;

namespace IcssiCms.Core.Usync.Handlers;

/// <summary>
/// uSync's <c>&lt;Folder&gt;</c> of a data type or document type (<c>Pages</c>, <c>Pages/Events</c>) as Umbraco's
/// containers: found by name level by level, created when missing, and read back as the same path.
/// </summary>
internal static class UsyncFolders
{
    /// <summary>The innermost container of the path (created as needed); null for no folder, the root.</summary>
    public static async Task<EntityContainer?> EnsureAsync<T>(IEntityTypeContainerService<T> containers, string? folder, SourceLocation source)
        where T : ITreeEntity
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            return null;
        }

        EntityContainer? parent = null;
        var level = 1;
        foreach (var name in folder.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parentId = parent?.Id ?? Constants.System.Root;
            var existing = (await containers.GetAsync(name, level)).FirstOrDefault(c => c.ParentId == parentId);
            if (existing is null)
            {
                var created = await containers.CreateAsync(null, name, parent?.Key, Constants.Security.SuperUserKey);
                existing = created.Success && created.Result is { } container
                    ? container
                    : throw new UsyncImportException(source, $"Umbraco refused folder '{name}' of '{folder}': {created.Status}.");
            }

            parent = existing;
            level++;
        }

        return parent;
    }

    /// <summary>The folder path of an item, outermost first; null at the root.</summary>
    public static async Task<string?> PathOfAsync<T>(IEntityTypeContainerService<T> containers, T entity)
        where T : ITreeEntity
    {
        var names = new List<string>();
        for (var container = await containers.GetParentAsync(entity); container is not null; container = await containers.GetParentAsync(container))
        {
            names.Add(container.Name ?? string.Empty);
        }

        names.Reverse();
        return names.Count == 0 ? null : string.Join('/', names);
    }
}
