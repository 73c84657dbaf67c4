using System.Globalization;
using IcssiCms.Usync;
using IcssiCms.Usync.Model;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Services;
using Umbraco.Extensions;

namespace IcssiCms.Core.Usync.Handlers;

/// <summary>
/// Content, matched by key, parents before children: names and values per culture as the files hold them, the create
/// date, the place in the tree and among siblings, then the publish state per culture. An item whose pickers point at
/// items that come later in the folder is published in a second pass, once they exist, so that Umbraco records the
/// references. Values are the stored strings, converted by Umbraco to each property's storage type.
/// </summary>
public sealed class ContentHandler(IContentService contentService, IContentTypeService contentTypes, IEntityService entities, IRelationService relations)
    : IUsyncItemHandler
{
    // Umbraco's paged content query sorts the whole tree again for each page (on SQLite, a plan of 10,000 news items took
    // 41-48 s reading them in pages of 1,000, 15.5 s in one), and an export keeps every item anyway: large pages.
    private const int PageSize = 100_000;

    public UsyncHandler Handler => UsyncHandlers.Content;

    public Task<int> ImportAsync(UsyncImportContext import, CancellationToken cancellationToken)
    {
        var nodes = import.Set.Content.Where(c => import.IsChanged(c.Source)).OrderBy(c => c.Level).ThenBy(c => c.SortOrder).ToList();
        if (nodes.Count == 0)
        {
            return Task.FromResult(0);
        }

        var types = contentTypes.GetAll().ToDictionary(t => t.Alias, StringComparer.OrdinalIgnoreCase);
        var ids = new Dictionary<Guid, int>();
        var present = new Dictionary<Guid, bool>();
        bool Exists(Guid key) => present.TryGetValue(key, out var exists) ? exists : present[key] = entities.Exists(key, UmbracoObjectTypes.Document);

        var later = new List<UsyncContent>();
        var waiting = new HashSet<Guid>();
        var existing = new HashSet<Guid>();
        foreach (var node in nodes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var content = Write(node, types, ParentIdOf(node, ids));
            if (content.HasIdentity)
            {
                existing.Add(node.Key);
            }

            // Publishing waits for what the item picks, and an item waits for its parent.
            var pointsAhead = node.Properties.SelectMany(v => ContentReferences.KeysIn(v.Value)).Any(key => !Exists(key));
            if (pointsAhead || waiting.Contains(node.ParentKey))
            {
                Check(contentService.Save(content), node);
                later.Add(node);
                waiting.Add(node.Key);
            }
            else
            {
                Publish(content, node);
            }

            ids[node.Key] = content.Id;
            present[node.Key] = true;
        }

        foreach (var node in later)
        {
            Publish(contentService.GetById(node.Key)!, node);
        }

        // Only what Umbraco had before can be published in a culture the file no longer publishes.
        foreach (var node in nodes.Where(n => existing.Contains(n.Key)))
        {
            Unpublish(contentService.GetById(node.Key)!, node);
        }

        Sort(nodes, ids);

        foreach (var node in nodes.Where(n => n.Trashed).OrderByDescending(n => n.Level))
        {
            var content = contentService.GetById(node.Key)!;
            if (!content.Trashed)
            {
                Check(contentService.MoveToRecycleBin(content), node);
            }
        }

        return Task.FromResult(nodes.Count);
    }

    public Task<int> DeleteAsync(IReadOnlyList<UsyncDelete> deletes, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var delete in deletes)
        {
            if (contentService.GetById(delete.Key) is { } content)
            {
                Check(contentService.Delete(content), delete.Source, delete.Alias);
                count++;
            }
        }

        return Task.FromResult(count);
    }

    public Task<UsyncSet> ExportAsync(UsyncSet set, CancellationToken cancellationToken)
    {
        // The root's descendants are every document, the recycle bin's too (its path is under the root's).
        var all = Paged((page, size) => (contentService.GetPagedDescendants(Constants.System.Root, page, size, out var total), total)).ToList();
        var keysById = all.ToDictionary(c => c.Id, c => c.Key);
        return Task.FromResult(set with { Content = all.Select(c => Export(c, keysById.GetValueOrDefault)).ToList() });
    }

    /// <summary>The items with these keys that Umbraco has, as <see cref="ExportAsync"/> reads them.</summary>
    public IReadOnlyList<UsyncContent> Export(IEnumerable<Guid> keys) =>
        contentService.GetByIds(keys).Select(content => Export(content, KeyOf)).ToList();

    /// <summary>
    /// The items with these keys that Umbraco has, and the items above each (the parent a file names, and the path it
    /// writes, come from them), as <see cref="ExportAsync"/> reads them.
    /// </summary>
    public IReadOnlyList<UsyncContent> ExportWithAncestors(IEnumerable<Guid> keys)
    {
        var exported = new Dictionary<Guid, UsyncContent>();
        var asked = new HashSet<Guid>();
        var wanted = keys.Where(asked.Add).ToArray();
        while (wanted.Length > 0)
        {
            foreach (var item in Export(wanted))
            {
                exported[item.Key] = item;
            }

            wanted = exported.Values.Where(c => !c.IsRoot && !exported.ContainsKey(c.ParentKey)).Select(c => c.ParentKey)
                .Where(asked.Add).ToArray();
        }

        return exported.Values.ToList();
    }

    private Guid KeyOf(int id) => id > 0 && entities.GetKey(id, UmbracoObjectTypes.Document) is { Success: true } key ? key.Result : Guid.Empty;

    /// <summary>One item as uSync writes it: a trashed item under the parent it had before the recycle bin.</summary>
    private UsyncContent Export(IContent content, Func<int, Guid> keyOf)
    {
        var parentId = content.Trashed ? OriginalParentId(content) : content.ParentId;
        var cultures = content.ContentType.VariesByCulture() ? content.AvailableCultures.ToList() : [];
        return new UsyncContent(
            content.Key,
            content.Name ?? string.Empty,
            content.Level,
            keyOf(parentId),
            string.Empty,
            content.Trashed,
            content.ContentType.Alias,
            DateTime.SpecifyKind(content.CreateDate, DateTimeKind.Unspecified),
            content.SortOrder,
            cultures.ToDictionary(c => c, c => content.GetCultureName(c) ?? string.Empty, StringComparer.OrdinalIgnoreCase),
            content.Published,
            cultures.ToDictionary(c => c, content.IsCulturePublished, StringComparer.OrdinalIgnoreCase),
            content.Properties
                .SelectMany(p => p.Values.Select(v => (p.Alias, Value: v)))
                .Where(x => Format(x.Value.EditedValue) is { Length: > 0 })
                .Select(x => new UsyncPropertyValue(x.Alias, x.Value.Culture, x.Value.Segment, Format(x.Value.EditedValue)!, 0))
                .ToList(),
            UsyncExportSource.Umbraco);
    }

    /// <summary>A stored value as uSync writes it: text as it is, numbers invariant, dates to the second without a zone.</summary>
    internal static string? Format(object? value) => value switch
    {
        null => null,
        string text => text,
        DateTime date => date.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private IContent Write(UsyncContent node, IReadOnlyDictionary<string, IContentType> types, int parentId)
    {
        var type = types.GetValueOrDefault(node.ContentTypeAlias)
            ?? throw new UsyncImportException(node.Source, $"Document type '{node.ContentTypeAlias}' is not in Umbraco.");
        var content = contentService.GetById(node.Key);
        if (content is null)
        {
            content = new Content(node.Name, parentId, type) { Key = node.Key, CreateDate = node.CreateDate, SortOrder = node.SortOrder };
        }
        else
        {
            if (!string.Equals(content.ContentType.Alias, type.Alias, StringComparison.OrdinalIgnoreCase))
            {
                throw new UsyncImportException(node.Source, $"'{node.Name}' is a '{content.ContentType.Alias}' in Umbraco; changing it to '{type.Alias}' is not supported.");
            }

            if (content.ParentId != parentId || (content.Trashed && !node.Trashed))
            {
                Check(contentService.Move(content, parentId), node);
                content = contentService.GetById(node.Key)!;
            }

            content.CreateDate = node.CreateDate;
        }

        content.Name = node.Name;
        if (type.VariesByCulture())
        {
            foreach (var (culture, name) in node.CultureNames)
            {
                content.SetCultureName(name, culture);
            }
        }

        foreach (var property in content.Properties)
        {
            foreach (var value in property.Values.ToList())
            {
                content.SetValue(property.Alias, null, value.Culture, value.Segment);
            }
        }

        foreach (var value in node.Properties)
        {
            content.SetValue(value.Alias, value.Value, value.Culture, value.Segment);
        }

        return content;
    }

    private void Publish(IContent content, UsyncContent node)
    {
        if (node.Trashed)
        {
            Check(contentService.Save(content), node);
            return;
        }

        var variant = content.ContentType.VariesByCulture();
        var cultures = variant ? node.PublishedCultures.Where(c => c.Value).Select(c => c.Key).ToArray() : [];
        if (variant ? cultures.Length == 0 : !node.PublishedDefault)
        {
            Check(contentService.Save(content), node);
            return;
        }

        var result = contentService.SaveAndPublish(content, cultures);
        if (!result.Success)
        {
            var messages = string.Join(" ", result.EventMessages?.GetAll().Select(m => m.Message) ?? []);
            throw new UsyncImportException(node.Source, $"Umbraco refused to publish '{node.Name}': {result.Result}. {messages}".TrimEnd());
        }
    }

    private void Unpublish(IContent content, UsyncContent node)
    {
        if (!content.ContentType.VariesByCulture())
        {
            if (content.Published && (!node.PublishedDefault || node.Trashed))
            {
                CheckUnpublish(contentService.Unpublish(content, "*"), node);
            }

            return;
        }

        foreach (var culture in content.PublishedCultures.ToList())
        {
            if (node.Trashed || !node.IsPublishedIn(culture))
            {
                CheckUnpublish(contentService.Unpublish(content, culture), node);
                content = contentService.GetById(node.Key)!;
            }
        }
    }

    /// <summary>Puts siblings in the files' order, where Umbraco gave a new item another place.</summary>
    private void Sort(IReadOnlyList<UsyncContent> nodes, IReadOnlyDictionary<Guid, int> ids)
    {
        foreach (var siblings in nodes.Where(n => !n.Trashed).GroupBy(n => n.ParentKey))
        {
            var parentId = siblings.Key == Guid.Empty ? Constants.System.Root : ids.GetValueOrDefault(siblings.Key, entities.GetId(siblings.Key, UmbracoObjectTypes.Document).Result);
            var wanted = siblings.ToDictionary(n => n.Key, n => n.SortOrder);
            var children = entities.GetChildren(parentId, UmbracoObjectTypes.Document).ToList();
            if (children.All(c => !wanted.TryGetValue(c.Key, out var order) || c.SortOrder == order))
            {
                continue;
            }

            var ordered = children
                .OrderBy(c => wanted.TryGetValue(c.Key, out var order) ? order : c.SortOrder)
                .ThenBy(c => wanted.ContainsKey(c.Key) ? 0 : 1)
                .Select(c => c.Id)
                .ToList();
            Check(contentService.Sort(ordered), siblings.First());
        }
    }

    private int ParentIdOf(UsyncContent node, Dictionary<Guid, int> ids)
    {
        if (node.IsRoot)
        {
            return Constants.System.Root;
        }

        if (!ids.TryGetValue(node.ParentKey, out var id))
        {
            var parent = entities.GetId(node.ParentKey, UmbracoObjectTypes.Document);
            id = parent.Success ? parent.Result : throw new UsyncImportException(node.Source, $"The parent {node.ParentKey} of '{node.Name}' is not in Umbraco.");
            ids[node.ParentKey] = id;
        }

        return id;
    }

    /// <summary>Where a trashed item was before it went to the recycle bin (Umbraco keeps it as a relation).</summary>
    private int OriginalParentId(IContent content) =>
        relations.GetByChildId(content.Id, Constants.Conventions.RelationTypes.RelateParentDocumentOnDeleteAlias).FirstOrDefault()?.ParentId
        ?? content.ParentId;

    private static IEnumerable<IContent> Paged(Func<long, int, (IEnumerable<IContent> Page, long Total)> read)
    {
        for (long page = 0; ; page++)
        {
            var (items, total) = read(page, PageSize);
            foreach (var item in items)
            {
                yield return item;
            }

            if ((page + 1) * PageSize >= total)
            {
                yield break;
            }
        }
    }

    private static void Check(OperationResult result, UsyncContent node) => Check(result, node.Source, node.Name);

    private static void Check(OperationResult result, SourceLocation source, string name)
    {
        if (!result.Success)
        {
            var messages = string.Join(" ", result.EventMessages?.GetAll().Select(m => m.Message) ?? []);
            throw new UsyncImportException(source, $"Umbraco refused '{name}': {result.Result}. {messages}".TrimEnd());
        }
    }

    private static void CheckUnpublish(PublishResult result, UsyncContent node)
    {
        if (!result.Success)
        {
            throw new UsyncImportException(node.Source, $"Umbraco refused to unpublish '{node.Name}': {result.Result}.");
        }
    }
}
