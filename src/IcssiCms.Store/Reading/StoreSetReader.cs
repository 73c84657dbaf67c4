using IcssiCms.Store.Storage;
using IcssiCms.Usync.Model;
using Microsoft.EntityFrameworkCore;
using Umbraco.Cms.Core.Models;

namespace IcssiCms.Store.Reading;

/// <summary>Which values of content to read: what visitors see, or the drafts editors see.</summary>
public enum ContentVersion
{
    Published,
    Draft,
}

/// <summary>
/// Reads the whole store once; <see cref="StoreContents.ToSet"/> then gives it in the uSync model, schema and content,
/// with forms and dictionary, as the files would describe it, in either version. What the host indexes and serves is built from this, with the
/// same mapping onto Umbraco's models as an import uses.
/// </summary>
public sealed class StoreSetReader(HubDbContext db)
{
    public Task<StoreContents> ReadAsync(CancellationToken cancellationToken = default) => ReadAsync(includeTrashed: false, cancellationToken);

    /// <summary>Reads the store; with <paramref name="includeTrashed"/>, the nodes in the recycle bin too (marked <c>Trashed</c>).</summary>
    public async Task<StoreContents> ReadAsync(bool includeTrashed, CancellationToken cancellationToken = default) => new(
        await db.Languages.AsNoTracking().ToListAsync(cancellationToken),
        await db.DataTypes.AsNoTracking().ToListAsync(cancellationToken),
        await db.ContentTypes.AsNoTracking().ToListAsync(cancellationToken),
        await db.ContentNodes.AsNoTracking().Where(n => includeTrashed || !n.Trashed).ToListAsync(cancellationToken),
        (await db.ContentCultures.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(c => c.NodeKey),
        (await db.PropertyValues.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(v => v.NodeKey),
        await StoreFormReader.ReadAsync(db, cancellationToken));
}

/// <summary>Everything the store held when it was read: the rows, and the uSync model of them in either version.</summary>
public sealed class StoreContents(
    IReadOnlyList<StoredLanguage> languages,
    IReadOnlyList<StoredDataType> dataTypes,
    IReadOnlyList<StoredContentType> contentTypes,
    IReadOnlyList<ContentNode> nodes,
    ILookup<Guid, ContentCulture> cultures,
    ILookup<Guid, PropertyValue> values,
    FormSchema forms)
{
    private static readonly SourceLocation Store = new("store", 0);

    /// <summary>The nodes that are not in the recycle bin (all of them when read with <c>includeTrashed</c>).</summary>
    public IReadOnlyList<ContentNode> Nodes => nodes;

    /// <summary>The forms and dictionary items.</summary>
    public FormSchema Forms => forms;

    /// <summary>Each node's cultures (the empty culture for an invariant node).</summary>
    public ILookup<Guid, ContentCulture> Cultures => cultures;

    public UsyncSet ToSet(ContentVersion version) => new(
        languages.Select(l => new UsyncLanguage(l.IsoCode, l.Name, l.IsDefault, l.IsMandatory, l.Fallback, Store)).ToList(),
        dataTypes.Select(d => new UsyncDataType(d.Key, d.Name, d.Level, d.EditorAlias, d.EditorUiAlias, d.ConfigJson, d.Folder, Store)).ToList(),
        contentTypes.Select(ToUsync).ToList(),
        nodes.Select(n => ToUsync(n, cultures[n.Key], values[n.Key], version)).ToList(),
        forms.Dictionary,
        forms.Forms,
        [],
        []);

    private static UsyncContentType ToUsync(StoredContentType type) => new(
        type.Key,
        type.Alias,
        type.Level,
        type.Name,
        type.Icon,
        type.Description,
        type.AllowAtRoot,
        (ContentVariation)type.Variations,
        type.IsElement,
        type.Folder,
        type.Compositions.Select(c => new UsyncReference(c.Key, c.Alias, c.SortOrder, 0)).ToList(),
        type.AllowedChildren.Select(c => new UsyncReference(c.Key, c.Alias, c.SortOrder, 0)).ToList(),
        type.Properties.Select(p => new UsyncPropertyType(
            p.Key, p.Alias, p.Name, p.DataTypeKey, p.EditorAlias, p.Mandatory, p.Validation, p.Description, p.SortOrder,
            p.TabAlias, type.Tabs.FirstOrDefault(t => t.Alias == p.TabAlias)?.Caption ?? p.TabAlias, (ContentVariation)p.Variations,
            p.MandatoryMessage, p.ValidationMessage, p.LabelOnTop, 0)).ToList(),
        type.Tabs.Select(t => new UsyncTab(t.Key, t.Alias, t.Caption, t.Type, t.SortOrder, 0)).ToList(),
        Store);

    private static UsyncContent ToUsync(ContentNode node, IEnumerable<ContentCulture> cultures, IEnumerable<PropertyValue> values, ContentVersion version)
    {
        var variant = cultures.Where(c => c.Culture.Length > 0).ToList();
        var invariant = cultures.FirstOrDefault(c => c.Culture.Length == 0);
        return new UsyncContent(
            node.Key,
            node.Name,
            node.Level,
            node.ParentKey ?? Guid.Empty,
            node.Path,
            node.Trashed,
            node.ContentTypeAlias,
            node.CreateDate,
            node.SortOrder,
            variant.ToDictionary(c => c.Culture, c => c.Name, StringComparer.OrdinalIgnoreCase),
            invariant?.Published ?? variant.Any(c => c.Published),
            variant.ToDictionary(c => c.Culture, c => c.Published, StringComparer.OrdinalIgnoreCase),
            values
                .Select(v => (Value: v, Text: version == ContentVersion.Published ? v.PublishedValue : v.Value))
                .Where(v => v.Text is not null)
                .Select(v => new UsyncPropertyValue(v.Value.Alias, NullIfEmpty(v.Value.Culture), NullIfEmpty(v.Value.Segment), v.Text!, 0))
                .ToList(),
            Store);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
