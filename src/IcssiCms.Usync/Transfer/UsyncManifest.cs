using System.Text.Json;

namespace IcssiCms.Usync.Transfer;

/// <summary>
/// A folder's item files by path, each with the SHA-256 of its bytes: what the command line sends before any file, so
/// that a site that already holds most of the folder (an unchanged file is byte for byte what the site would write) is
/// sent only the files it does not have.
/// </summary>
public sealed record UsyncManifest(IReadOnlyDictionary<string, string> Files)
{
    public const string ContentType = "application/json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { MaxDepth = 4 };

    /// <summary>The folder's item files and their hashes.</summary>
    public static UsyncManifest Of(string folder) => new(UsyncFolderReader.HashFiles(folder));

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a manifest, checking every path as an archive's entries are checked; null with the reason when it is not one.</summary>
    public static (UsyncManifest? Manifest, string? Problem) FromJson(string json, UsyncArchiveLimits limits)
    {
        Dictionary<string, string>? files;
        try
        {
            files = JsonSerializer.Deserialize<ManifestDto>(json, Json)?.Files;
        }
        catch (JsonException ex)
        {
            return (null, $"not valid JSON at line {ex.LineNumber + 1}: {ex.Message}");
        }

        if (files is null)
        {
            return (null, "no 'files' object (path → SHA-256)");
        }

        if (files.Count > limits.MaxFiles)
        {
            return (null, $"more than {limits.MaxFiles} files");
        }

        var checkedFiles = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (path, hash) in files)
        {
            string checkedPath;
            try
            {
                checkedPath = UsyncArchive.CheckedPath(path);
            }
            catch (UsyncArchiveException ex)
            {
                return (null, ex.Message);
            }

            if (checkedPath == UsyncFolderReader.MarkerFile)
            {
                return (null, $"{UsyncFolderReader.MarkerFile}: the marker is sent as a file, not listed");
            }

            if (hash is not { Length: 64 } || !hash.All(char.IsAsciiHexDigitLower))
            {
                return (null, $"{checkedPath}: '{(hash ?? "null")[..Math.Min(80, (hash ?? "null").Length)]}' is not a SHA-256 in lower-case hex");
            }

            if (!seen.Add(checkedPath))
            {
                return (null, $"{checkedPath}: listed twice");
            }

            checkedFiles[checkedPath] = hash;
        }

        return (new UsyncManifest(checkedFiles), null);
    }

    private sealed record ManifestDto(Dictionary<string, string>? Files);
}
