using System.Text.Json;
using System.Text.Json.Serialization;
using IcssiCms.Usync.Model;

namespace IcssiCms.Store.Planning;

/// <summary>
/// What importing a uSync folder would change in one store, item by item, and what it was made against: the
/// folder's files (path → SHA-256) and the hash of the store's schema. <c>usync apply</c> applies exactly this, or
/// refuses when the folder or the store has changed since.
/// </summary>
public sealed record UsyncPlan(
    int Format,
    string Folder,
    string TargetSchemaHash,
    IReadOnlyDictionary<string, string> FileHashes,
    DateTime CreatedAt,
    IReadOnlyList<PlannedChange> Changes)
{
    public const int CurrentFormat = 1;

    [JsonIgnore]
    public bool IsDestructive => Changes.Any(c => c.Destructive is not null);

    [JsonIgnore]
    public bool IsEmpty => Changes.Count == 0;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

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

            return plan.Format == CurrentFormat ? (plan, null) : (null, $"plan format {plan.Format}; this tool reads format {CurrentFormat}");
        }
        catch (JsonException ex)
        {
            return (null, $"not valid JSON at line {ex.LineNumber + 1}: {ex.Message}");
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
    /// <summary>For a rename, the alias the store has now.</summary>
    public string? OldAlias { get; init; }
}

/// <summary>A changed setting, named by its place in the uSync file (<c>GenericPropertys/GenericProperty[summary]/Type</c>).</summary>
public sealed record SettingChange(string Setting, string? Old, string? New);

/// <summary>Why a change loses data, and how much: content items affected and stored values lost.</summary>
public sealed record DestructiveCost(string Reason, int ContentItems, int Values);
