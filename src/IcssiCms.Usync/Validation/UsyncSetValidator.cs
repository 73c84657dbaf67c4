using IcssiCms.Usync.Model;

namespace IcssiCms.Usync.Validation;

/// <summary>
/// The strict checks of an import: a set with a duplicate key or alias, a dangling reference (data type,
/// composition, allowed child, parent, picked content or form, dictionary key), an unknown property editor, a
/// value its editor cannot hold, or a form Umbraco Forms (or this host) could not run is refused whole. Every problem is listed, each with its file and line.
/// </summary>
public sealed partial class UsyncSetValidator
{
    public IReadOnlyList<UsyncProblem> Validate(UsyncSet set)
    {
        var problems = new List<UsyncProblem>();
        var context = new ValidationContext(set, problems);

        ValidateLanguages(context);
        ValidateDataTypes(context);
        ValidateContentTypes(context);
        ValidateDictionary(context);
        ValidateContent(context);
        ValidateForms(context);
        ValidateDeletes(context);

        return problems
            .OrderBy(p => p.Source.File, StringComparer.Ordinal)
            .ThenBy(p => p.Source.Line)
            .ToList();
    }

    /// <summary>The set, its items by key and alias, and the problem list, shared by the checks.</summary>
    private sealed class ValidationContext(UsyncSet set, List<UsyncProblem> problems)
    {
        public UsyncSet Set { get; } = set;

        public Dictionary<Guid, UsyncDataType> DataTypes { get; } = FirstByKey(set.DataTypes, d => d.Key);

        public Dictionary<Guid, UsyncContentType> ContentTypesByKey { get; } = FirstByKey(set.ContentTypes, c => c.Key);

        public Dictionary<string, UsyncContentType> ContentTypesByAlias { get; } = set.ContentTypes
            .GroupBy(c => c.Alias, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

        public Dictionary<Guid, UsyncContent> Content { get; } = FirstByKey(set.Content, c => c.Key);

        public Dictionary<Guid, UsyncForm> Forms { get; } = FirstByKey(set.Forms, f => f.Key);

        public Dictionary<Guid, UsyncDictionaryItem> DictionaryByKey { get; } = FirstByKey(set.Dictionary, d => d.Key);

        public Dictionary<string, UsyncDictionaryItem> DictionaryByAlias { get; } = set.Dictionary
            .GroupBy(d => d.Alias, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

        public HashSet<string> Cultures { get; } = set.Languages.Select(l => l.IsoCode).ToHashSet(StringComparer.OrdinalIgnoreCase);

        public void Problem(SourceLocation source, string message) => problems.Add(new UsyncProblem(source, message));

        public void Problem(SourceLocation source, int line, string message) =>
            problems.Add(new UsyncProblem(source with { Line = line > 0 ? line : source.Line }, message));

        private static Dictionary<Guid, T> FirstByKey<T>(IEnumerable<T> items, Func<T, Guid> key)
        {
            var byKey = new Dictionary<Guid, T>();
            foreach (var item in items)
            {
                byKey.TryAdd(key(item), item);
            }

            return byKey;
        }
    }

    /// <summary>Reports every item after the first that shares a key (or alias) with another.</summary>
    private static void ReportDuplicates<T>(
        ValidationContext context,
        IEnumerable<T> items,
        Func<T, string> identity,
        Func<T, SourceLocation> source,
        string what,
        IEqualityComparer<string>? comparer = null)
    {
        foreach (var group in items.GroupBy(identity, comparer ?? StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = source(group.First());
            foreach (var duplicate in group.Skip(1))
            {
                context.Problem(source(duplicate), $"Duplicate {what} '{group.Key}': {first} already has it.");
            }
        }
    }

    /// <summary>Deletes must name an item type's item by key or alias; a marker for something never imported is a no-op.</summary>
    private static void ValidateDeletes(ValidationContext context)
    {
        foreach (var delete in context.Set.Deletes)
        {
            if (delete.Key == Guid.Empty && string.IsNullOrWhiteSpace(delete.Alias))
            {
                context.Problem(delete.Source, "A Delete marker needs a Key or an Alias.");
            }
            else if (delete.ItemType == UsyncItemType.Content && delete.Key == Guid.Empty)
            {
                context.Problem(delete.Source, $"The Delete marker for '{delete.Alias}' has no Key: content nodes are deleted by key, not by name.");
            }

            var stillDefined = delete.ItemType switch
            {
                UsyncItemType.DataType => context.DataTypes.ContainsKey(delete.Key),
                UsyncItemType.ContentType => context.ContentTypesByKey.ContainsKey(delete.Key),
                UsyncItemType.Content => context.Content.ContainsKey(delete.Key),
                UsyncItemType.Dictionary => context.DictionaryByKey.ContainsKey(delete.Key),
                UsyncItemType.Form => context.Forms.ContainsKey(delete.Key),
                _ => false,
            };
            if (stillDefined && delete.Key != Guid.Empty)
            {
                context.Problem(delete.Source, $"Key {delete.Key} is marked for deletion, but another file still defines it.");
            }
        }
    }
}

/// <summary>A folder read and checked as an import reads it: the set, and every problem of reading or validating it.</summary>
public static class UsyncFolderCheck
{
    public static UsyncReadResult Read(string folder)
    {
        var read = new UsyncFolderReader().Read(folder);
        return read.IsValid ? read with { Problems = new UsyncSetValidator().Validate(read.Set) } : read;
    }
}
