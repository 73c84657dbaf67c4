using System.Text.RegularExpressions;
using Ganss.Xss;
using IcssiCms.Core.Publishing;
using IcssiCms.Core.Schema;
using IcssiCms.EmbeddedHost.Delivery;
using IcssiCms.EmbeddedHost.Usync;
using IcssiCms.Store.Importing;
using IcssiCms.Store.Reading;
using IcssiCms.Store.Storage;
using IcssiCms.Usync.Mapping;
using IcssiCms.Usync.Model;
using Microsoft.EntityFrameworkCore;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Notifications;

namespace IcssiCms.EmbeddedHost.BackOffice.Content;

/// <summary>
/// What an editor does to content in the back office: save a draft (names and values per culture), publish (the
/// schema's mandatory properties and validation patterns, then the plugin's <see cref="ContentPublishingNotification"/>
/// handlers, on Umbraco's own <see cref="Umbraco.Cms.Core.Models.Content"/>), unpublish. Every change is in the audit
/// trail; a publish or unpublish raises the store's revision and is served by the Delivery API at once. Each changed
/// item's uSync file is written when <c>uSync:Settings:ExportOnSave</c> says so (<see cref="ContentExportOnSave"/>).
/// </summary>
internal sealed class ContentEditing(
    HubDbContext db,
    StoreSetReader reader,
    IEnumerable<INotificationHandler<ContentPublishingNotification>> publishingHandlers,
    HtmlSanitizer sanitizer,
    DeliveryContentRefresher delivery,
    Registrations.RegistrationWriter registrations,
    ContentExportOnSave export,
    TimeProvider time)
{
    /// <summary>The key of an item's name field in a culture.</summary>
    public const string NameAlias = "@name";

    /// <summary>Which property a plugin rule's messages belong beside, by the rule's category.</summary>
    private static readonly Dictionary<string, string> RuleFields = new(StringComparer.Ordinal)
    {
        [NewsMustPickCampaign.Category] = HubContentTypes.CampaignNews.Campaigns,
        [ConferenceEndsAfterStart.Category] = HubContentTypes.Conference.EndDate,
    };

    /// <summary>The key of a field's messages: its alias, and its culture when it varies.</summary>
    public static string FieldKey(string alias, string culture) => culture.Length == 0 ? alias : $"{alias}|{culture}";

    /// <summary>The content tree, roots first, children by sort order; the recycle bin left out.</summary>
    public async Task<IReadOnlyList<TreeNode>> TreeAsync(CancellationToken cancellationToken)
    {
        var nodes = await db.ContentNodes.AsNoTracking().Where(n => !n.Trashed).OrderBy(n => n.SortOrder).ToListAsync(cancellationToken);
        var published = (await db.ContentCultures.AsNoTracking().Where(c => c.Published).Select(c => c.NodeKey).ToListAsync(cancellationToken)).ToHashSet();
        var children = nodes.ToLookup(n => n.ParentKey);
        IReadOnlyList<TreeNode> Below(Guid? parent) =>
            children[parent].Select(n => new TreeNode(n.Key, n.Name, n.ContentTypeAlias, published.Contains(n.Key), Below(n.Key))).ToList();
        return Below(null);
    }

    /// <summary>The item with its schema and draft values; null when there is none (or it is in the recycle bin).</summary>
    public async Task<EditableContent?> GetAsync(Guid key, CancellationToken cancellationToken)
    {
        var contents = await reader.ReadAsync(cancellationToken);
        var node = contents.Nodes.FirstOrDefault(n => n.Key == key);
        if (node is null)
        {
            return null;
        }

        var set = contents.ToSet(ContentVersion.Draft);
        var types = set.ContentTypes.ToDictionary(t => t.Key);
        var type = set.ContentTypes.Single(t => string.Equals(t.Alias, node.ContentTypeAlias, StringComparison.OrdinalIgnoreCase));
        var dataTypes = set.DataTypes.ToDictionary(d => d.Key);
        var properties = Compose(type, types)
            .Select(p => new EditorProperty(p, dataTypes[p.DataTypeKey], PropertyControls.For(dataTypes[p.DataTypeKey]), type.VariesByCulture && p.Variations.HasFlag(Umbraco.Cms.Core.Models.ContentVariation.Culture)))
            .ToList();
        var draft = set.Content.Single(c => c.Key == key);
        var cultures = contents.Cultures[key].ToList();

        var values = new Dictionary<(string, string), string>();
        foreach (var property in properties)
        {
            foreach (var value in draft.Properties.Where(v => v.Alias == property.Alias && v.Segment is null))
            {
                values[(property.Alias, value.Culture ?? string.Empty)] = PropertyControls.ToForm(property.Control, value.Value);
            }
        }

        var pickable = set.Content.Where(c => !c.Trashed).OrderBy(c => c.Level).ThenBy(c => c.SortOrder).ToList();
        var pickers = properties
            .Where(p => p.Control is PropertyControl.ContentPicker or PropertyControl.MultiPicker)
            .ToDictionary(
                p => p.Alias,
                p =>
                {
                    var filter = PropertyControls.PickerFilter(p.DataType);
                    return (IReadOnlyList<PickerOption>)pickable
                        .Where(c => filter.Count == 0 || filter.Any(f => string.Equals(f, c.ContentTypeAlias, StringComparison.OrdinalIgnoreCase)
                            || (Guid.TryParse(f, out var typeKey) && types.TryGetValue(typeKey, out var allowed) && string.Equals(allowed.Alias, c.ContentTypeAlias, StringComparison.OrdinalIgnoreCase))))
                        .Select(c => new PickerOption(c.Key, c.Name, c.Level))
                        .ToList();
                });
        var forms = set.Forms.OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Select(f => new PickerOption(f.Key, f.Name, 1)).ToList();
        foreach (var property in properties.Where(p => p.Control == PropertyControl.FormPicker))
        {
            pickers[property.Alias] = forms;
        }

        return new EditableContent
        {
            Node = node,
            Type = type,
            Languages = set.Languages.OrderByDescending(l => l.IsDefault).ToList(),
            Properties = properties,
            Names = cultures.ToDictionary(c => c.Culture, c => c.Name, StringComparer.OrdinalIgnoreCase),
            Published = cultures.ToDictionary(c => c.Culture, c => c.Published, StringComparer.OrdinalIgnoreCase),
            Values = values,
            PickerOptions = pickers,
        };
    }

    /// <summary>Saves the names and values as the draft; nothing visitors see changes.</summary>
    public async Task<EditOutcome> SaveAsync(EditableContent item, ContentEdit edit, Guid userKey, CancellationToken cancellationToken)
    {
        var saved = await SaveDraftAsync(item, edit, userKey, cancellationToken);
        if (saved.Succeeded)
        {
            // The draft snapshot is what a preview serves, so it follows every save; the published one does not change.
            await delivery.RefreshDraftsAsync(cancellationToken);
        }

        return saved;
    }

    private async Task<EditOutcome> SaveDraftAsync(EditableContent item, ContentEdit edit, Guid userKey, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, List<string>>();
        var stored = new Dictionary<(string Alias, string Culture), string?>();
        foreach (var property in item.Properties)
        {
            foreach (var culture in CulturesOf(item, property))
            {
                var (value, error) = PropertyControls.FromForm(property.Control, edit.Values.GetValueOrDefault((property.Alias, culture)), html => sanitizer.Sanitize(html));
                if (error is null && value is not null && property.Control == PropertyControl.FormPicker
                    && !item.PickerOptions.GetValueOrDefault(property.Alias, []).Any(f => f.Key.ToString("D") == value))
                {
                    error = "Pick a form from the list.";
                }

                if (error is not null)
                {
                    Add(errors, FieldKey(property.Alias, culture), error);
                }

                stored[(property.Alias, culture)] = value;
            }
        }

        var names = item.VariesByCulture ? item.Languages.Select(l => l.IsoCode).ToList() : [string.Empty];
        foreach (var culture in names)
        {
            var name = edit.Names.GetValueOrDefault(culture)?.Trim() ?? string.Empty;
            if (name.Length == 0 && (item.Published.GetValueOrDefault(culture) || !item.VariesByCulture))
            {
                Add(errors, FieldKey(NameAlias, culture), "Give the item a name.");
            }
        }

        if (errors.Count > 0)
        {
            return EditOutcome.Refused(errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var node = await db.ContentNodes.Include(n => n.Cultures).Include(n => n.Values).SingleAsync(n => n.Key == item.Node.Key, cancellationToken);
        var named = new List<string>();
        foreach (var culture in names)
        {
            var name = edit.Names.GetValueOrDefault(culture)?.Trim() ?? string.Empty;
            var row = node.Cultures.FirstOrDefault(c => c.Culture == culture);
            if (name.Length == 0)
            {
                if (row is not null)
                {
                    node.Cultures.Remove(row);
                }

                continue;
            }

            named.Add(culture);
            var segment = UmbracoStrings.UrlSegment(name, culture.Length == 0 ? null : culture);
            if (row is null)
            {
                node.Cultures.Add(new ContentCulture { NodeKey = node.Key, Culture = culture, Name = name, UrlSegment = segment });
            }
            else
            {
                row.Name = name;
                row.UrlSegment = segment;
            }

            if (culture.Length == 0 || item.Languages[0].IsoCode == culture)
            {
                node.Name = name;
            }
        }

        foreach (var ((alias, culture), value) in stored)
        {
            var row = node.Values.FirstOrDefault(v => v.Alias == alias && v.Culture == culture && v.Segment.Length == 0);
            if (row is null)
            {
                if (value is not null)
                {
                    node.Values.Add(new PropertyValue { NodeKey = node.Key, Alias = alias, Culture = culture, Segment = string.Empty, Value = value });
                }
            }
            else if (value is null && row.PublishedValue is null)
            {
                node.Values.Remove(row);
            }
            else
            {
                row.Value = value;
            }
        }

        node.UpdateDate = now;
        Audit(userKey, node.Key, BackOfficeAuditActions.Save, named, now);
        await db.SaveChangesAsync(cancellationToken);
        await export.ExportAsync([node.Key], cancellationToken);
        return EditOutcome.Success;
    }

    /// <summary>
    /// Saves the draft, then publishes it in the given cultures (every named culture when none is given) if the schema
    /// and the plugin's publishing rules allow it. A refused publish leaves the saved draft, as Umbraco does.
    /// </summary>
    public async Task<EditOutcome> PublishAsync(EditableContent item, ContentEdit edit, IReadOnlyCollection<string> cultures, Guid userKey, CancellationToken cancellationToken)
    {
        var saved = await SaveDraftAsync(item, edit, userKey, cancellationToken);
        if (!saved.Succeeded)
        {
            return saved;
        }

        // A publish refreshes delivery itself; a refused one still changed the draft, which a preview serves.
        var published = await PublishSavedAsync(item.Node.Key, cultures, userKey, cancellationToken);
        if (!published.Succeeded)
        {
            await delivery.RefreshDraftsAsync(cancellationToken);
        }

        return published;
    }

    /// <summary>
    /// Publishes the saved draft in the given cultures (every named culture when none is given) if the schema and the
    /// plugin's publishing rules allow it: what <see cref="PublishAsync"/> does after saving, and what the scheduler does.
    /// </summary>
    public async Task<EditOutcome> PublishSavedAsync(Guid key, IReadOnlyCollection<string> cultures, Guid userKey, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var item = await GetAsync(key, cancellationToken);
        if (item is null)
        {
            return EditOutcome.Refused(new Dictionary<string, List<string>> { [string.Empty] = ["The item does not exist or is in the recycle bin."] });
        }

        List<string> publishing = item.VariesByCulture
            ? item.Languages.Select(l => l.IsoCode).Where(c => item.Names.ContainsKey(c) && (cultures.Count == 0 || cultures.Contains(c, StringComparer.OrdinalIgnoreCase))).ToList()
            : [string.Empty];
        var errors = new Dictionary<string, List<string>>();
        if (publishing.Count == 0)
        {
            Add(errors, string.Empty, "Name the item in a culture before publishing it in that culture.");
            return EditOutcome.Refused(errors);
        }

        foreach (var property in item.Properties)
        {
            foreach (var culture in property.VariesByCulture ? publishing : [string.Empty])
            {
                var shown = item.Value(property.Alias, culture);
                if (property.Type.Mandatory && PropertyControls.IsEmpty(property.Control, shown))
                {
                    Add(errors, FieldKey(property.Alias, culture), string.IsNullOrWhiteSpace(property.Type.MandatoryMessage) ? $"{property.Type.Name} is required." : property.Type.MandatoryMessage);
                }
                else if (!string.IsNullOrEmpty(property.Type.Validation) && shown.Length > 0 && !Regex.IsMatch(shown, property.Type.Validation, RegexOptions.None, TimeSpan.FromSeconds(1)))
                {
                    Add(errors, FieldKey(property.Alias, culture), string.IsNullOrWhiteSpace(property.Type.ValidationMessage) ? $"{property.Type.Name} is not valid." : property.Type.ValidationMessage);
                }
            }
        }

        foreach (var message in await RunPublishingRulesAsync(item.Node.Key, cancellationToken))
        {
            Add(errors, RuleFields.GetValueOrDefault(message.Category) ?? string.Empty, message.Message);
        }

        if (errors.Count > 0)
        {
            return EditOutcome.Refused(errors);
        }

        await ChangeAsync(item.Node.Key, userKey, BackOfficeAuditActions.Publish, publishing, node =>
        {
            foreach (var value in node.Values.Where(v => v.Culture.Length == 0 || publishing.Contains(v.Culture, StringComparer.OrdinalIgnoreCase)))
            {
                value.PublishedValue = value.Value;
            }

            node.Values.RemoveAll(v => v.Value is null && v.PublishedValue is null);
            foreach (var culture in node.Cultures.Where(c => publishing.Contains(c.Culture, StringComparer.OrdinalIgnoreCase)))
            {
                culture.Published = true;
            }
        }, cancellationToken);
        return EditOutcome.Success;
    }

    /// <summary>Unpublishes the given cultures, or the whole item when none is given.</summary>
    public async Task UnpublishAsync(Guid key, IReadOnlyCollection<string> cultures, Guid userKey, CancellationToken cancellationToken) =>
        await ChangeAsync(key, userKey, BackOfficeAuditActions.Unpublish, cultures.ToList(), node =>
        {
            foreach (var culture in node.Cultures.Where(c => cultures.Count == 0 || cultures.Contains(c.Culture, StringComparer.OrdinalIgnoreCase)))
            {
                culture.Published = false;
            }
        }, cancellationToken);

    /// <summary>The item's scheduled publishes and unpublishes by culture (the empty culture when invariant).</summary>
    public async Task<IReadOnlyDictionary<string, ScheduledCulture>> ScheduleOfAsync(Guid key, CancellationToken cancellationToken)
    {
        var entries = await db.ContentSchedules.AsNoTracking().Where(s => s.NodeKey == key).ToListAsync(cancellationToken);
        return entries.GroupBy(e => e.Culture, StringComparer.OrdinalIgnoreCase).ToDictionary(
            g => g.Key,
            g => new ScheduledCulture(
                g.FirstOrDefault(e => e.Action == BackOfficeAuditActions.Publish)?.At,
                g.FirstOrDefault(e => e.Action == BackOfficeAuditActions.Unpublish)?.At),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Replaces the item's schedule: per culture (the empty culture when invariant), when to publish and when to
    /// unpublish, in UTC; a missing time removes that entry. Audited. False when there is no such item.
    /// </summary>
    public async Task<bool> ScheduleAsync(Guid key, IReadOnlyDictionary<string, ScheduledCulture> schedule, Guid userKey, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        if (!await db.ContentNodes.AnyAsync(n => n.Key == key && !n.Trashed, cancellationToken))
        {
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        db.ContentSchedules.RemoveRange(await db.ContentSchedules.Where(s => s.NodeKey == key).ToListAsync(cancellationToken));
        var described = new List<string>();
        foreach (var (culture, times) in schedule.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            foreach (var (action, at) in new[] { (BackOfficeAuditActions.Publish, times.PublishAt), (BackOfficeAuditActions.Unpublish, times.UnpublishAt) })
            {
                if (at is { } due)
                {
                    db.ContentSchedules.Add(new ContentSchedule { NodeKey = key, Culture = culture, Action = action, At = DateTime.SpecifyKind(due, DateTimeKind.Utc), UserKey = userKey });
                    described.Add($"{action}{(culture.Length > 0 ? " " + culture : "")} at {due.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)} UTC");
                }
            }
        }

        Audit(userKey, key, BackOfficeAuditActions.Schedule, schedule.Where(s => s.Value.PublishAt is not null || s.Value.UnpublishAt is not null).Select(s => s.Key), now,
            described.Count == 0 ? "schedule cleared" : string.Join("; ", described));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Carries out every scheduled publish and unpublish that is due, oldest first, as the user who scheduled it, and
    /// removes it; a publish the schema or the plugin's rules refuse is audited with the reasons and dropped.
    /// </summary>
    public async Task<int> RunDueSchedulesAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.ContentSchedules.AsNoTracking().Where(s => s.At <= now).OrderBy(s => s.At).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        foreach (var entry in due)
        {
            db.ChangeTracker.Clear();
            var exists = await db.ContentNodes.AnyAsync(n => n.Key == entry.NodeKey && !n.Trashed, cancellationToken);
            string[] cultures = entry.Culture.Length == 0 ? [] : [entry.Culture];
            if (exists && entry.Action == BackOfficeAuditActions.Publish)
            {
                var outcome = await PublishSavedAsync(entry.NodeKey, cultures, entry.UserKey, cancellationToken);
                if (!outcome.Succeeded)
                {
                    db.ChangeTracker.Clear();
                    Audit(entry.UserKey, entry.NodeKey, BackOfficeAuditActions.ScheduledPublishRefused, cultures, time.GetUtcNow().UtcDateTime,
                        string.Join(" ", outcome.Errors.SelectMany(e => e.Value).Distinct()));
                    await db.SaveChangesAsync(cancellationToken);
                }
            }
            else if (exists && entry.Action == BackOfficeAuditActions.Unpublish)
            {
                await UnpublishAsync(entry.NodeKey, cultures, entry.UserKey, cancellationToken);
            }

            db.ChangeTracker.Clear();
            await db.ContentSchedules.Where(s => s.Id == entry.Id).ExecuteDeleteAsync(cancellationToken);
        }

        return due.Count;
    }

    /// <summary>
    /// The document types that may be created below an item (its type's allowed children) or, with no parent, at the
    /// root; by name. Null when the parent does not exist (or is in the recycle bin).
    /// </summary>
    public async Task<IReadOnlyList<UsyncContentType>?> CreatableTypesAsync(Guid? parentKey, CancellationToken cancellationToken)
    {
        var set = (await reader.ReadAsync(cancellationToken)).ToSet(ContentVersion.Draft);
        var documentTypes = set.ContentTypes.Where(t => !t.IsElement).ToList();
        if (parentKey is null)
        {
            return documentTypes.Where(t => t.AllowAtRoot).OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToList();
        }

        var parent = await db.ContentNodes.AsNoTracking().FirstOrDefaultAsync(n => n.Key == parentKey && !n.Trashed, cancellationToken);
        if (parent is null)
        {
            return null;
        }

        var parentType = documentTypes.Single(t => string.Equals(t.Alias, parent.ContentTypeAlias, StringComparison.OrdinalIgnoreCase));
        var allowed = parentType.AllowedChildren.Select(c => c.Key).ToHashSet();
        return documentTypes.Where(t => allowed.Contains(t.Key)).OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>
    /// Creates an unpublished item of an allowed document type, named in the default culture (or invariant), last
    /// among its siblings, with its level and path of keys as the importer writes them. Null and an error when refused.
    /// </summary>
    public async Task<(Guid? Key, string? Error)> CreateAsync(Guid? parentKey, string contentTypeAlias, string name, Guid userKey, CancellationToken cancellationToken)
    {
        var types = await CreatableTypesAsync(parentKey, cancellationToken);
        if (types is null)
        {
            return (null, "The parent item does not exist.");
        }

        var type = types.FirstOrDefault(t => string.Equals(t.Alias, contentTypeAlias, StringComparison.OrdinalIgnoreCase));
        if (type is null)
        {
            return (null, "Choose a document type allowed here.");
        }

        name = name.Trim();
        if (name.Length == 0)
        {
            return (null, "Give the item a name.");
        }

        db.ChangeTracker.Clear();
        var now = time.GetUtcNow().UtcDateTime;
        var parent = parentKey is null ? null : await db.ContentNodes.AsNoTracking().SingleAsync(n => n.Key == parentKey, cancellationToken);
        var siblings = db.ContentNodes.Where(n => n.ParentKey == parentKey);
        var sortOrder = await siblings.AnyAsync(cancellationToken) ? await siblings.MaxAsync(n => n.SortOrder, cancellationToken) + 1 : 0;
        var culture = type.VariesByCulture
            ? await db.Languages.Where(l => l.IsDefault).Select(l => l.IsoCode).FirstOrDefaultAsync(cancellationToken) ?? string.Empty
            : string.Empty;
        var key = Guid.NewGuid();
        var node = new ContentNode
        {
            Key = key,
            ParentKey = parentKey,
            ContentTypeAlias = type.Alias,
            Name = name,
            Level = parent is null ? 1 : parent.Level + 1,
            SortOrder = sortOrder,
            Path = parent is null ? key.ToString() : $"{parent.Path},{key}",
            CreateDate = now,
            UpdateDate = now,
        };
        node.Cultures.Add(new ContentCulture { NodeKey = key, Culture = culture, Name = name, UrlSegment = UmbracoStrings.UrlSegment(name, culture.Length == 0 ? null : culture) });
        db.ContentNodes.Add(node);
        Audit(userKey, key, BackOfficeAuditActions.Create, [culture], now);
        await db.SaveChangesAsync(cancellationToken);
        await export.ExportAsync([key], cancellationToken);
        // A new item is a draft: previews can show it at once.
        await delivery.RefreshDraftsAsync(cancellationToken);
        return (key, null);
    }

    /// <summary>
    /// Moves an item and its descendants to the recycle bin: they are trashed and unpublished in every culture, so the
    /// Delivery API stops serving them at once (a restored item comes back as a draft, as in Umbraco). False when there is no such item.
    /// </summary>
    public Task<bool> TrashAsync(Guid key, Guid userKey, CancellationToken cancellationToken) =>
        MoveAsync(key, userKey, trash: true, cancellationToken);

    /// <summary>Restores an item and its descendants from the recycle bin, unpublished; false when it is not in the bin or its parent is.</summary>
    public Task<bool> RestoreAsync(Guid key, Guid userKey, CancellationToken cancellationToken) =>
        MoveAsync(key, userKey, trash: false, cancellationToken);

    /// <summary>The recycle bin: the trashed items whose parent is not trashed, most recently changed first.</summary>
    public async Task<IReadOnlyList<TrashedItem>> RecycleBinAsync(CancellationToken cancellationToken)
    {
        var trashed = await db.ContentNodes.AsNoTracking().Where(n => n.Trashed).ToListAsync(cancellationToken);
        var keys = trashed.Select(n => n.Key).ToHashSet();
        return trashed
            .Where(n => n.ParentKey is null || !keys.Contains(n.ParentKey.Value))
            .OrderByDescending(n => n.UpdateDate)
            .Select(n => new TrashedItem(n.Key, n.Name, n.ContentTypeAlias, trashed.Count(d => d.Path.StartsWith(n.Path + ",", StringComparison.Ordinal)), n.UpdateDate))
            .ToList();
    }

    /// <summary>
    /// Empties the recycle bin: every trashed item (and so every descendant of one) is deleted for good, with its
    /// names, drafts, published values and schedule; the audit trail keeps a <c>delete</c> entry per item the bin
    /// listed, with how many descendants went with it. Refused, deleting nothing, while an item outside the bin picks
    /// one in it: the store would hold a reference to nothing, and a uSync folder exported from it would be refused.
    /// </summary>
    public async Task<BinEmptying> EmptyRecycleBinAsync(Guid userKey, CancellationToken cancellationToken)
    {
        var listed = await RecycleBinAsync(cancellationToken);
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow().UtcDateTime;
        List<(Guid Key, string Name)> deleted;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var trashed = await db.ContentNodes.Where(n => n.Trashed).Select(n => new { n.Key, n.Name }).ToListAsync(cancellationToken);
            var keys = trashed.Select(n => n.Key).ToList();
            if (keys.Count == 0)
            {
                return new BinEmptying(0, []);
            }

            var picks = await PicksOfAsync(keys, cancellationToken);
            if (picks.Count > 0)
            {
                var names = trashed.ToDictionary(n => n.Key, n => n.Name);
                return new BinEmptying(0, picks.Select(p => $"{names[p.Picked]} is picked by {p.PickerName} ({p.Alias}): pick something else there, or move that item to the recycle bin too.").Distinct().ToList());
            }

            await db.ContentSchedules.Where(s => keys.Contains(s.NodeKey)).ExecuteDeleteAsync(cancellationToken);
            await db.PropertyValues.Where(v => keys.Contains(v.NodeKey)).ExecuteDeleteAsync(cancellationToken);
            await db.ContentCultures.Where(c => keys.Contains(c.NodeKey)).ExecuteDeleteAsync(cancellationToken);
            await db.ContentNodes.Where(n => keys.Contains(n.Key)).ExecuteDeleteAsync(cancellationToken);
            foreach (var item in listed.Where(i => keys.Contains(i.Key)))
            {
                Audit(userKey, item.Key, BackOfficeAuditActions.Delete, [], now,
                    $"deleted for good from the recycle bin, with {item.Descendants} descendant{(item.Descendants == 1 ? "" : "s")}");
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            deleted = trashed.Select(n => (n.Key, n.Name)).ToList();
        }

        await ServeChangesAsync(cancellationToken);
        await export.DeletedAsync(deleted, cancellationToken);
        return new BinEmptying(deleted.Count, []);
    }

    /// <summary>Which items outside the given ones pick one of them, in a draft or a published value, and where.</summary>
    private async Task<List<(Guid Picked, string PickerName, string Alias)>> PicksOfAsync(IReadOnlyCollection<Guid> keys, CancellationToken cancellationToken)
    {
        var wanted = keys.ToHashSet();
        var values = await db.PropertyValues.AsNoTracking()
            .Where(v => !keys.Contains(v.NodeKey) && ((v.Value != null && v.Value.Contains("umb://document/")) || (v.PublishedValue != null && v.PublishedValue.Contains("umb://document/"))))
            .ToListAsync(cancellationToken);
        var pickers = values.SelectMany(v => DocumentReferences.KeysIn(v.Value).Concat(DocumentReferences.KeysIn(v.PublishedValue))
                .Where(wanted.Contains).Distinct()
                .Select(picked => (Picked: picked, v.NodeKey, v.Alias)))
            .ToList();
        var pickerKeys = pickers.Select(p => p.NodeKey).Distinct().ToList();
        var names = await db.ContentNodes.AsNoTracking().Where(n => pickerKeys.Contains(n.Key)).ToDictionaryAsync(n => n.Key, n => n.Name, cancellationToken);
        return pickers.Select(p => (p.Picked, names.GetValueOrDefault(p.NodeKey) ?? p.NodeKey.ToString(), p.Alias)).ToList();
    }

    private async Task<bool> MoveAsync(Guid key, Guid userKey, bool trash, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow().UtcDateTime;
        List<Guid> moved;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var node = await db.ContentNodes.FirstOrDefaultAsync(n => n.Key == key, cancellationToken);
            if (node is null || node.Trashed == trash
                || (!trash && node.ParentKey is { } parentKey && await db.ContentNodes.AnyAsync(n => n.Key == parentKey && n.Trashed, cancellationToken)))
            {
                return false;
            }

            var prefix = node.Path + ",";
            var affected = await db.ContentNodes.Include(n => n.Cultures)
                .Where(n => n.Key == key || n.Path.StartsWith(prefix))
                .ToListAsync(cancellationToken);
            foreach (var item in affected)
            {
                item.Trashed = trash;
                item.UpdateDate = now;
                foreach (var culture in item.Cultures)
                {
                    culture.Published = false;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await UpdateRoutesAsync(cancellationToken);
            Audit(userKey, key, trash ? BackOfficeAuditActions.Trash : BackOfficeAuditActions.Restore, [], now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            moved = affected.Select(n => n.Key).ToList();
        }

        await ServeChangesAsync(cancellationToken);
        await export.ExportAsync(moved, cancellationToken);
        return true;
    }

    /// <summary>The audit trail of an item, newest first, with the names of the users (their keys once they are gone).</summary>
    public async Task<IReadOnlyList<AuditLine>> AuditAsync(Guid key, int take, CancellationToken cancellationToken)
    {
        var entries = (await db.BackOfficeAudit.AsNoTracking().Where(a => a.NodeKey == key).ToListAsync(cancellationToken))
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(take).ToList();
        var userKeys = entries.Select(e => e.UserKey).Distinct().ToList();
        var names = await db.BackOfficeUsers.AsNoTracking().Where(u => userKeys.Contains(u.Key)).ToDictionaryAsync(u => u.Key, u => u.Name, cancellationToken);
        return entries.Select(e => new AuditLine(e.At, e.Action, e.Cultures, names.GetValueOrDefault(e.UserKey) ?? e.UserKey.ToString(), e.Detail)).ToList();
    }

    /// <summary>Raises Umbraco's publishing notification for the item's draft with the plugin's handlers; their error messages.</summary>
    private async Task<IReadOnlyList<EventMessage>> RunPublishingRulesAsync(Guid key, CancellationToken cancellationToken)
    {
        var set = (await reader.ReadAsync(cancellationToken)).ToSet(ContentVersion.Draft);
        var types = new UmbracoContentTypeFactory().Create(set);
        var source = set.Content.Single(c => c.Key == key);
        var content = UmbracoContentFactory.Create(source, types[source.ContentTypeAlias]);
        var notification = new ContentPublishingNotification(content, new EventMessages());
        foreach (var handler in publishingHandlers)
        {
            handler.Handle(notification);
        }

        var messages = notification.Messages.GetAll().Where(m => m.MessageType == EventMessageType.Error).ToList();
        return notification.Cancel && messages.Count == 0
            ? [new EventMessage(string.Empty, "A publishing rule refused the item.", EventMessageType.Error)]
            : messages;
    }

    /// <summary>Changes the node's publish state in one transaction with its routes, the audit and the store's revision; then refreshes delivery.</summary>
    private async Task ChangeAsync(Guid key, Guid userKey, string action, IReadOnlyList<string> cultures, Action<ContentNode> change, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow().UtcDateTime;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var node = await db.ContentNodes.Include(n => n.Cultures).Include(n => n.Values).SingleAsync(n => n.Key == key, cancellationToken);
            change(node);
            node.UpdateDate = now;
            await UpdateRoutesAsync(cancellationToken);
            Audit(userKey, key, action, cultures, now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await ServeChangesAsync(cancellationToken);
        await export.ExportAsync([key], cancellationToken);
    }

    /// <summary>
    /// What a published change needs in this host: snapshots, index and cache refreshed, and places a raised capacity
    /// freed given to those waiting. (The store's revision is for other processes that write the store, such as
    /// <c>usync apply</c>; this host serves its own changes here, at once.)
    /// </summary>
    private async Task ServeChangesAsync(CancellationToken cancellationToken)
    {
        await delivery.RefreshAsync(cancellationToken, incremental: true);
        await registrations.FillFreePlacesAsync(cancellationToken);
    }

    /// <summary>Works every route out again (a publish changes those of the descendants too), on the tracked rows.</summary>
    private async Task UpdateRoutesAsync(CancellationToken cancellationToken)
    {
        var defaultCulture = await db.Languages.Where(l => l.IsDefault).Select(l => l.IsoCode).FirstOrDefaultAsync(cancellationToken) ?? string.Empty;
        var nodes = await db.ContentNodes.AsNoTracking().Select(n => new { n.Key, n.ParentKey, n.Level, n.SortOrder, n.Trashed }).ToDictionaryAsync(n => n.Key, cancellationToken);
        var cultures = await db.ContentCultures.ToListAsync(cancellationToken);
        var routes = ContentRouteBuilder.Build(
            cultures.Select(c => nodes[c.NodeKey] is var n ? new ContentRouteBuilder.NodeCulture(c.NodeKey, n.ParentKey, n.Level, n.SortOrder, c.Culture, c.UrlSegment, c.Published && !n.Trashed) : null!).ToList(),
            defaultCulture);
        foreach (var culture in cultures)
        {
            var route = routes.GetValueOrDefault((culture.NodeKey, culture.Culture));
            if (culture.Route != route)
            {
                culture.Route = route;
            }
        }
    }

    private void Audit(Guid userKey, Guid nodeKey, string action, IEnumerable<string> cultures, DateTime at, string? detail = null) =>
        db.BackOfficeAudit.Add(new BackOfficeAuditEntry
        {
            UserKey = userKey, NodeKey = nodeKey, Action = action, Cultures = string.Join(",", cultures.Where(c => c.Length > 0)), At = at, Detail = detail,
        });

    private static IEnumerable<string> CulturesOf(EditableContent item, EditorProperty property) =>
        property.VariesByCulture ? item.Languages.Select(l => l.IsoCode) : [string.Empty];

    /// <summary>The type's properties after those of its compositions, each group by sort order.</summary>
    private static List<UsyncPropertyType> Compose(UsyncContentType type, IReadOnlyDictionary<Guid, UsyncContentType> types)
    {
        var seen = new HashSet<Guid>();
        var properties = new List<UsyncPropertyType>();
        void Add(UsyncContentType current)
        {
            if (!seen.Add(current.Key))
            {
                return;
            }

            foreach (var composition in current.Compositions.OrderBy(c => c.SortOrder))
            {
                if (types.TryGetValue(composition.Key, out var composed))
                {
                    Add(composed);
                }
            }

            properties.AddRange(current.Properties.OrderBy(p => p.SortOrder));
        }

        Add(type);
        return properties;
    }

    private static void Add(Dictionary<string, List<string>> errors, string key, string message)
    {
        if (!errors.TryGetValue(key, out var messages))
        {
            errors[key] = messages = [];
        }

        messages.Add(message);
    }
}
