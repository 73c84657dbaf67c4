using System.Text.Json;
using System.Text.Json.Serialization;
using IcssiCms.Usync.Model;

namespace IcssiCms.Usync.Planning;

/// <summary>
/// What importing a uSync folder would change in one site, item by item, and what it was made against: the folder's
/// files (path → SHA-256), the hash of the site's schema, and each planned item's state on the site
/// (<see cref="PlannedChange.Before"/>). <c>usync apply</c> applies exactly this, or refuses when the folder, the site's
/// schema or any planned item has changed since.
/// </summary>
public sealed record UsyncPlan(
    int Format,
    string Folder,
    string Target,
    string TargetSchemaHash,
    IReadOnlyDictionary<string, string> FileHashes,
    DateTime CreatedAt,
    IReadOnlyList<PlannedChange> Changes)
{
    public const int CurrentFormat = 2;

    [JsonIgnore]
    public bool IsDestructive => Changes.Any(c => c.Destructive is not null);

    [JsonIgnore]
    public bool IsEmpty => Changes.Count == 0;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = 16,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>
    /// How the folder's files (path → SHA-256) differ from those the plan was made from, a line per file; empty when they
    /// are the same. With <paramref name="onlyThese"/>, only the files given are compared (a folder sent in part).
    /// </summary>
    public IReadOnlyList<string> FolderChangesSince(IReadOnlyDictionary<string, string> files, bool onlyThese = false) =>
        (onlyThese ? files.Keys : FileHashes.Keys.Union(files.Keys, StringComparer.Ordinal)).Order(StringComparer.Ordinal)
            .Where(path => FileHashes.GetValueOrDefault(path) != files.GetValueOrDefault(path))
            .Select(path => !files.ContainsKey(path) ? $"{path}: removed since the plan"
                : !FileHashes.ContainsKey(path) ? $"{path}: added since the plan"
                : $"{path}: changed since the plan")
            .ToList();

    /// <summary>Reads a plan file; null with the reason when it is not one.</summary>
    public static (UsyncPlan? Plan, string? Problem) FromJson(string json)
    {
        try
        {
            var plan = JsonSerializer.Deserialize<UsyncPlan>(json, Json);
            if (plan is null || plan.Changes is null || plan.FileHashes is null || string.IsNullOrEmpty(plan.TargetSchemaHash))
            {
                return (null, "not a uSync plan (no changes, file hashes or target hash)");
            }

            if (plan.Format != CurrentFormat)
            {
                return (null, $"plan format {plan.Format}; this version reads format {CurrentFormat}: plan again");
            }

            if (plan.Changes.Any(c => c is null || c.File is null || c.Alias is null || c.Details is null || !Enum.IsDefined(c.Action) || !Enum.IsDefined(c.ItemType)))
            {
                return (null, "a change of the plan lacks its item type, action, alias, file or details");
            }

            return (plan with { Folder = plan.Folder ?? "", Target = plan.Target ?? "" }, null);
        }
        catch (JsonException ex)
        {
            return (null, $"not valid JSON at line {ex.LineNumber + 1}: {ex.Message}");
        }
        catch (NotSupportedException ex)
        {
            return (null, $"not a uSync plan: {ex.Message}");
        }
    }
}

public enum ChangeAction
{
    Create,
    Update,
    Rename,
    Delete,
}

/// <summary>
/// One item the import would change: its type, key and alias (the new alias for a rename), the file it comes from
/// (the delete marker for a delete), each changed setting with its old and new value, and, when data would be lost,
/// what it would cost.
/// </summary>
public sealed record PlannedChange(
    UsyncItemType ItemType,
    Guid Key,
    string Alias,
    ChangeAction Action,
    string File,
    IReadOnlyList<SettingChange> Details,
    DestructiveCost? Destructive)
{
    /// <summary>For a rename, the alias the target has now.</summary>
    public string? OldAlias { get; init; }

    /// <summary>
    /// The SHA-256 of the item as the target had it when the plan was made (written as a uSync file); null for an item it
    /// did not have. Any change to the item since, to any of its settings or values, changes it.
    /// </summary>
    public string? Before { get; init; }

    /// <summary>"Update content 'Save the Tigris' (Content/save-the-tigris.config)": how a reason names the change.</summary>
    public override string ToString() => $"{Action} {ItemType} '{Alias}' ({File})";
}

/// <summary>A changed setting, named by its place in the uSync file (<c>GenericPropertys/GenericProperty[summary]/Type</c>).</summary>
public sealed record SettingChange(string Setting, string? Old, string? New);

/// <summary>Why a change loses data, and how much: content items affected and stored values lost.</summary>
public sealed record DestructiveCost(string Reason, int ContentItems, int Values);
