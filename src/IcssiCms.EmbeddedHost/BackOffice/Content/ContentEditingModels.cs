using IcssiCms.Store.Storage;
using IcssiCms.Usync.Model;

namespace IcssiCms.EmbeddedHost.BackOffice.Content;

/// <summary>One property as the editor shows it: its type, its data type and the control that edits it.</summary>
internal sealed record EditorProperty(UsyncPropertyType Type, UsyncDataType DataType, PropertyControl Control, bool VariesByCulture)
{
    public string Alias => Type.Alias;
}

/// <summary>An item (or form) that may be picked: its key, name and depth in the tree (1 for a form).</summary>
internal sealed record PickerOption(Guid Key, string Name, int Level);

/// <summary>One line of an item's history: when, what, in which cultures, by whom, and why when it needs saying.</summary>
internal sealed record AuditLine(DateTime At, string Action, string Cultures, string User, string? Detail);

/// <summary>When one culture of an item is scheduled to be published and unpublished, in UTC.</summary>
internal sealed record ScheduledCulture(DateTime? PublishAt, DateTime? UnpublishAt);

/// <summary>An item in the recycle bin: its key, name, type, how many descendants went with it, and when.</summary>
internal sealed record TrashedItem(Guid Key, string Name, string ContentTypeAlias, int Descendants, DateTime TrashedAt);

/// <summary>What emptying the recycle bin did: how many items it deleted, or why it deleted none.</summary>
internal sealed record BinEmptying(int Deleted, IReadOnlyList<string> Refusals);

/// <summary>A node of the content tree as the back office lists it.</summary>
internal sealed record TreeNode(Guid Key, string Name, string ContentTypeAlias, bool Published, IReadOnlyList<TreeNode> Children);

/// <summary>An item with everything its edit page needs: schema, names and draft values per culture, picker choices.</summary>
internal sealed class EditableContent
{
    public required ContentNode Node { get; init; }

    public required UsyncContentType Type { get; init; }

    /// <summary>The hub's languages, the default first; an invariant item is edited in none of them.</summary>
    public required IReadOnlyList<UsyncLanguage> Languages { get; init; }

    /// <summary>The document type's properties and those of its compositions, in order.</summary>
    public required IReadOnlyList<EditorProperty> Properties { get; init; }

    /// <summary>Names by culture (the empty culture for an invariant item).</summary>
    public required IReadOnlyDictionary<string, string> Names { get; init; }

    /// <summary>Which cultures are published (the empty culture for an invariant item).</summary>
    public required IReadOnlyDictionary<string, bool> Published { get; init; }

    /// <summary>Draft values as their controls show them, by (alias, culture); the empty culture when invariant.</summary>
    public required IReadOnlyDictionary<(string Alias, string Culture), string> Values { get; init; }

    /// <summary>What each picker property may pick, by alias: content items, or the store's forms for a form picker.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<PickerOption>> PickerOptions { get; init; }

    public bool VariesByCulture => Type.VariesByCulture;

    public string Value(string alias, string culture) => Values.GetValueOrDefault((alias, culture)) ?? string.Empty;
}

/// <summary>What an editor posted: names by culture and values by (alias, culture), as the controls give them.</summary>
internal sealed record ContentEdit(IReadOnlyDictionary<string, string> Names, IReadOnlyDictionary<(string Alias, string Culture), string?> Values);

/// <summary>
/// Whether an edit went through; if not, the messages by field (<see cref="ContentEditing.FieldKey"/>: alias and culture;
/// the empty key for the item as a whole).
/// </summary>
internal sealed record EditOutcome(bool Succeeded, IReadOnlyDictionary<string, IReadOnlyList<string>> Errors)
{
    public static EditOutcome Success { get; } = new(true, new Dictionary<string, IReadOnlyList<string>>());

    public static EditOutcome Refused(Dictionary<string, List<string>> errors) =>
        new(false, errors.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)e.Value));
}
