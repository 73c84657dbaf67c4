using IcssiCms.Core.Forms.Delivery;
using IcssiCms.EmbeddedHost.Delivery.Snapshot;
using IcssiCms.EmbeddedHost.Forms;
using IcssiCms.Usync.Mapping;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core.Configuration.Models;
using Umbraco.Cms.Core.DeliveryApi;
using Umbraco.Cms.Core.Models;
using Umbraco.Extensions;

namespace IcssiCms.EmbeddedHost.Delivery.Rendering;

/// <summary>Builds the Delivery API's item responses in one culture, from the published snapshot or, in a preview, the drafts.</summary>
internal sealed class ContentResponseBuilder(
    ContentSnapshotAccessor snapshots, IRequestPreviewService preview, IOptionsMonitor<DeliveryApiSettings> settings, FormCatalog forms)
{
    /// <summary>The item in the culture; null when it is not published in it.</summary>
    /// <param name="expand">Whose picked items to show with their properties (<c>expand</c>).</param>
    /// <param name="fields">Which properties to show (<c>fields</c>).</param>
    public ContentItemResponse? Build(Guid key, string culture, PropertySelection? expand = null, PropertySelection? fields = null) =>
        Build(snapshots.For(preview.IsPreview()), key, culture, expand, fields);

    /// <summary>The item in the culture as a preview (<c>Preview: true</c>) would get it: from the drafts.</summary>
    public ContentItemResponse? BuildDraft(Guid key, string culture) => Build(snapshots.Draft, key, culture, null, null);

    /// <summary>The cultures the item has in the drafts (the empty culture for an invariant item); none when unknown.</summary>
    public IReadOnlyList<string> DraftCultures(Guid key) =>
        snapshots.Draft.Find(key) is { } item ? [.. item.Cultures.Keys.Order(StringComparer.Ordinal)] : [];

    private ContentItemResponse? Build(ContentSnapshot snapshot, Guid key, string culture, PropertySelection? expand, PropertySelection? fields)
    {
        var allowed = settings.CurrentValue;
        return snapshot.Find(key) is { } item && allowed.IsAllowedContentType(item.ContentTypeAlias) && CultureOf(item, culture) is { } published
            ? Response(snapshot, item, published, culture, expand ?? PropertySelection.None, fields ?? PropertySelection.All, allowed, withCultures: true, FormDefinition)
            : null;
    }

    /// <summary>An expanded form picker holds the form's definition in the item's culture, as Umbraco Forms does.</summary>
    private object? FormDefinition(Guid formKey, string culture, ContentSnapshot snapshot) =>
        forms.Definition(formKey, culture, snapshot);

    /// <param name="fields">Null for a picked item that is not expanded: no properties at all.</param>
    private static ContentItemResponse Response(
        ContentSnapshot snapshot,
        SnapshotItem item,
        PublishedCulture published,
        string culture,
        PropertySelection expand,
        PropertySelection? fields,
        DeliveryApiSettings allowed,
        bool withCultures,
        Func<Guid, string, ContentSnapshot, object?> formDefinition)
    {
        var type = snapshot.ContentTypes[item.ContentTypeAlias];
        var properties = new Dictionary<string, object?>();
        foreach (var property in fields is null ? Enumerable.Empty<IPropertyType>() : type.CompositionPropertyTypes.OrderBy(p => p.SortOrder).ThenBy(p => p.Alias, StringComparer.Ordinal))
        {
            if (!fields!.Includes(property.Alias))
            {
                continue;
            }

            var valueCulture = property.VariesByCulture() ? culture : null;
            var stored = item.Node.Properties.FirstOrDefault(v =>
                v.Alias == property.Alias && string.Equals(v.Culture, valueCulture, StringComparison.OrdinalIgnoreCase))?.Value;
            var dataType = snapshot.DataTypes[property.DataTypeKey];
            var expanded = expand.Includes(property.Alias);
            var nestedExpand = expand.Nested(property.Alias) ?? PropertySelection.None;
            var nestedFields = expanded ? fields.Nested(property.Alias) ?? PropertySelection.All : null;
            properties[property.Alias] = PropertyValueRenderer.Render(
                dataType,
                stored,
                picked => Reference(snapshot, picked, culture, nestedExpand, nestedFields, allowed, formDefinition),
                allowed.RichTextOutputAsJson,
                expanded ? formKey => formDefinition(formKey, culture, snapshot) : null);
        }

        return new ContentItemResponse(
            item.ContentTypeAlias,
            published.Name,
            AsUtc(item.Node.CreateDate),
            AsUtc(item.UpdateDate),
            RouteOf(snapshot, item, published),
            item.Key,
            properties,
            withCultures
                ? item.Cultures.Values.Where(c => c.Culture.Length > 0).ToDictionary(c => c.Culture, c => RouteOf(snapshot, item, c))
                : new Dictionary<string, ContentRoute>());
    }

    /// <summary>A picked item, without cultures; with no properties unless expanded (one level, or as nested).</summary>
    private static ContentReference? Reference(
        ContentSnapshot snapshot, Guid key, string culture, PropertySelection expand, PropertySelection? fields, DeliveryApiSettings allowed,
        Func<Guid, string, ContentSnapshot, object?> formDefinition) =>
        snapshot.Find(key) is { } item && allowed.IsAllowedContentType(item.ContentTypeAlias) && CultureOf(item, culture) is { } published
            && Response(snapshot, item, published, culture, expand, fields, allowed, withCultures: false, formDefinition) is var r
            ? new ContentReference(r.ContentType, r.Name, r.CreateDate, r.UpdateDate, r.Route, r.Id, r.Properties)
            : null;

    private static PublishedCulture? CultureOf(SnapshotItem item, string culture) =>
        item.Cultures.GetValueOrDefault(culture) ?? item.Cultures.GetValueOrDefault(string.Empty);

    private static ContentRoute RouteOf(ContentSnapshot snapshot, SnapshotItem item, PublishedCulture published)
    {
        var root = snapshot.RootOf(item);
        var rootCulture = CultureOf(root, published.Culture);
        var rootSegment = rootCulture is null ? string.Empty : UmbracoStrings.UrlSegment(rootCulture.Name, NullIfEmpty(published.Culture));
        return new ContentRoute(published.Route, new ContentStartItem(root.Key, rootSegment));
    }

    private static string? NullIfEmpty(string culture) => culture.Length == 0 ? null : culture;

    /// <summary>Umbraco 17 keeps system dates in UTC.</summary>
    private static DateTime AsUtc(DateTime value) => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
