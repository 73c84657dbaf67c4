using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using IcssiCms.Usync.Model;
using IcssiCms.Usync.Writing;

namespace IcssiCms.Usync.Planning;

/// <summary>
/// What importing a folder would change in a target (a site, a store), read as the same model. Each item is written as
/// uSync would write it, from the folder and from the target; an item whose files differ is a change, and the settings
/// that differ are its details. Deletes come from uSync's <c>Empty</c> delete markers for items the target has. Each
/// change carries the item's state on the target (<see cref="PlannedChange.Before"/>), so that an apply can tell
/// whether anything it would touch has changed since. What a change would cost in data is the target's to say.
/// </summary>
public static class UsyncDiff
{
    /// <param name="only">
    /// Compares only the folder's items from these files (and applies every delete marker): when the other files are known
    /// to be what the target would write for their items, they are no change, and comparing them would only find that again.
    /// </param>
    public static IReadOnlyList<PlannedChange> Between(UsyncSet folder, UsyncSet target, IReadOnlySet<string>? only = null)
    {
        var changes = new List<PlannedChange>();
        IReadOnlyList<TItem> Compared<TItem>(IReadOnlyList<TItem> items, Func<TItem, SourceLocation> source) =>
            only is null ? items : items.Where(i => only.Contains(source(i).File)).ToList();

        changes.AddRange(Diff(UsyncItemType.Language, Compared(folder.Languages, Items.Language.Source), target.Languages, Items.Language, new LanguageWriter()));
        changes.AddRange(Diff(UsyncItemType.Dictionary, Compared(folder.Dictionary, Items.Dictionary.Source), target.Dictionary, Items.Dictionary, new DictionaryWriter()));
        changes.AddRange(Diff(UsyncItemType.DataType, Compared(folder.DataTypes, Items.DataType.Source), target.DataTypes, Items.DataType, new DataTypeWriter()));
        changes.AddRange(Diff(UsyncItemType.ContentType, Compared(folder.ContentTypes, Items.ContentType.Source), target.ContentTypes, Items.ContentType, new ContentTypeWriter()));
        changes.AddRange(Diff(UsyncItemType.Content, Compared(folder.Content, Items.Content.Source), target.Content, Items.Content, new ContentWriter(folder.Content), new ContentWriter(target.Content)));
        changes.AddRange(Diff(UsyncItemType.Form, Compared(folder.Forms, Items.Form.Source), target.Forms, Items.Form, new FormWriter()));
        changes.AddRange(Deletes(folder.Deletes, target));
        return changes;
    }

    /// <summary>
    /// The hash of a target's schema (languages, dictionary, data types, document types, forms): of the files an export
    /// of it would write, so that any change to any setting changes it, and nothing else does.
    /// </summary>
    public static string SchemaHash(UsyncSet target)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in new UsyncFolderWriter().Render(target, UsyncWriteOptions.Schema).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file.Path + "\n"));
            hash.AppendData(file.Bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// Why the plan no longer fits the target as it is now: each planned item whose state on the target changed since
    /// the plan was made (created, deleted, or any setting or value changed), and a changed schema. Empty when it fits.
    /// </summary>
    public static IReadOnlyList<string> Drift(UsyncPlan plan, UsyncSet target)
    {
        var reasons = new List<string>();
        var schema = SchemaHash(target);
        if (schema != plan.TargetSchemaHash)
        {
            reasons.Add($"the schema is not what the plan was made against (schema hash {schema[..12]}…, planned against {plan.TargetSchemaHash[..12]}…)");
        }

        var states = new TargetStates(target);
        foreach (var change in plan.Changes)
        {
            var now = states.Of(change.ItemType, change.Key, change.OldAlias ?? change.Alias);
            if (now == change.Before)
            {
                continue;
            }

            reasons.Add(now is null ? $"{change}: deleted since the plan"
                : change.Before is null ? $"{change}: created since the plan"
                : $"{change}: changed since the plan");
        }

        return reasons;
    }

    private static IEnumerable<PlannedChange> Diff<TItem>(
        UsyncItemType type,
        IReadOnlyList<TItem> folder,
        IReadOnlyList<TItem> target,
        ItemIdentity<TItem> identity,
        UsyncItemWriter<TItem> writer,
        UsyncItemWriter<TItem>? targetWriter = null)
    {
        var existing = target.ToDictionary(identity.Id, StringComparer.OrdinalIgnoreCase);
        foreach (var item in folder)
        {
            var file = writer.Serialize(item);
            if (!existing.TryGetValue(identity.Id(item), out var current))
            {
                yield return new PlannedChange(type, identity.Key(item), identity.Alias(item), ChangeAction.Create, identity.Source(item).File, SettingsDiff.Between(null, file), null);
                continue;
            }

            var currentFile = (targetWriter ?? writer).Serialize(current);
            if (XNode.DeepEquals(file, currentFile))
            {
                continue;
            }

            var renamed = !string.Equals(identity.Alias(item), identity.Alias(current), StringComparison.Ordinal);
            yield return new PlannedChange(type, identity.Key(item), identity.Alias(item), renamed ? ChangeAction.Rename : ChangeAction.Update, identity.Source(item).File,
                SettingsDiff.Between(currentFile, file), null)
            {
                OldAlias = renamed ? identity.Alias(current) : null,
                Before = HashOf(currentFile),
            };
        }
    }

    /// <summary>Delete markers for items the target has; a marker for an item it does not have changes nothing.</summary>
    private static IEnumerable<PlannedChange> Deletes(IReadOnlyList<UsyncDelete> deletes, UsyncSet target)
    {
        var states = new TargetStates(target);
        foreach (var delete in deletes)
        {
            if (states.Find(delete.ItemType, delete.Key, delete.Alias) is { } existing)
            {
                yield return new PlannedChange(delete.ItemType, existing.Key, existing.Alias, ChangeAction.Delete, delete.Source.File, [], null)
                {
                    Before = existing.State,
                };
            }
        }
    }

    private static string HashOf(XElement file) => UsyncFolderReader.HashOf(UsyncXml.ToBytes(file));

    private static (Guid Key, string Alias, string State)? State(Guid key, string alias, XElement file) => (key, alias, HashOf(file));

    /// <summary>How items of one type are told apart (languages by ISO code, the rest by key) and named.</summary>
    private sealed record ItemIdentity<TItem>(Func<TItem, string> Id, Func<TItem, Guid> Key, Func<TItem, string> Alias, Func<TItem, SourceLocation> Source);

    private static class Items
    {
        public static readonly ItemIdentity<UsyncLanguage> Language = new(l => l.IsoCode.ToLowerInvariant(), _ => Guid.Empty, l => l.IsoCode, l => l.Source);
        public static readonly ItemIdentity<UsyncDictionaryItem> Dictionary = new(d => d.Key.ToString(), d => d.Key, d => d.Alias, d => d.Source);
        public static readonly ItemIdentity<UsyncDataType> DataType = new(d => d.Key.ToString(), d => d.Key, d => d.Name, d => d.Source);
        public static readonly ItemIdentity<UsyncContentType> ContentType = new(c => c.Key.ToString(), c => c.Key, c => c.Alias, c => c.Source);
        public static readonly ItemIdentity<UsyncContent> Content = new(c => c.Key.ToString(), c => c.Key, c => c.Name, c => c.Source);
        public static readonly ItemIdentity<UsyncForm> Form = new(f => f.Key.ToString(), f => f.Key, f => f.Alias, f => f.Source);
    }

    /// <summary>The target's items found by key (or alias, for delete markers and languages), with their state.</summary>
    private sealed class TargetStates(UsyncSet target)
    {
        private ContentWriter? _content;
        private Dictionary<Guid, UsyncContent>? _contentByKey;

        public string? Of(UsyncItemType type, Guid key, string alias) => Find(type, key, alias)?.State;

        public (Guid Key, string Alias, string State)? Find(UsyncItemType type, Guid key, string alias)
        {
            bool Matches(Guid itemKey, string itemAlias) =>
                (key != Guid.Empty && itemKey == key) || string.Equals(itemAlias, alias, StringComparison.OrdinalIgnoreCase);

            return type switch
            {
                UsyncItemType.Language => target.Languages.Where(l => string.Equals(l.IsoCode, alias, StringComparison.OrdinalIgnoreCase))
                    .Select(l => State(Guid.Empty, l.IsoCode, new LanguageWriter().Serialize(l))).FirstOrDefault(),
                UsyncItemType.Dictionary => target.Dictionary.Where(d => Matches(d.Key, d.Alias))
                    .Select(d => State(d.Key, d.Alias, new DictionaryWriter().Serialize(d))).FirstOrDefault(),
                UsyncItemType.DataType => target.DataTypes.Where(d => Matches(d.Key, d.Name))
                    .Select(d => State(d.Key, d.Name, new DataTypeWriter().Serialize(d))).FirstOrDefault(),
                UsyncItemType.ContentType => target.ContentTypes.Where(c => Matches(c.Key, c.Alias))
                    .Select(c => State(c.Key, c.Alias, new ContentTypeWriter().Serialize(c))).FirstOrDefault(),
                // Content is told apart by key only: names repeat across the tree.
                UsyncItemType.Content => (_contentByKey ??= target.Content.DistinctBy(c => c.Key).ToDictionary(c => c.Key)).TryGetValue(key, out var item)
                    ? State(item.Key, item.Name, (_content ??= new ContentWriter(target.Content)).Serialize(item))
                    : null,
                UsyncItemType.Form => target.Forms.Where(f => Matches(f.Key, f.Alias))
                    .Select(f => State(f.Key, f.Alias, new FormWriter().Serialize(f))).FirstOrDefault(),
                _ => null,
            };
        }
    }
}
