using System.IO.Compression;

namespace IcssiCms.Usync.Transfer;

/// <summary>One file of a uSync folder carried in an archive: its path relative to the folder (with '/') and its bytes.</summary>
public sealed record UsyncArchiveEntry(string Path, byte[] Bytes);

/// <summary>An archive that is not a uSync folder, or is larger than allowed: the message names the entry.</summary>
public sealed class UsyncArchiveException(string message) : Exception(message);

/// <summary>
/// A uSync folder as a zip archive, the way the command line and a site send one to the other: <c>usync.config</c> and
/// the handlers' <c>*.config</c> files, nothing else. Reading checks every entry before anything is trusted: a path that
/// leaves the folder, names a file outside the handlers' folders or appears twice, more entries or more bytes than the
/// limits (counted as they are inflated, not as the archive claims), or a damaged archive is refused, naming the entry.
/// </summary>
public static class UsyncArchive
{
    public const string ContentType = "application/zip";

    /// <summary>Zips the folder's uSync files (the marker and every handler's item files).</summary>
    public static void Pack(string folder, Stream destination)
    {
        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        var marker = Path.Combine(folder, UsyncFolderReader.MarkerFile);
        if (File.Exists(marker))
        {
            Add(zip, UsyncFolderReader.MarkerFile, File.ReadAllBytes(marker));
        }

        foreach (var (_, path) in UsyncFolderReader.ListFiles(folder, UsyncHandlers.All))
        {
            Add(zip, path, File.ReadAllBytes(Path.Combine(folder, path)));
        }
    }

    /// <summary>Zips files already in memory (an export).</summary>
    public static void Pack(IEnumerable<UsyncArchiveEntry> files, Stream destination)
    {
        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var file in files)
        {
            Add(zip, file.Path, file.Bytes);
        }
    }

    /// <summary>Reads and checks every entry; see the class.</summary>
    public static IReadOnlyList<UsyncArchiveEntry> Read(Stream source, UsyncArchiveLimits limits)
    {
        var entries = new List<UsyncArchiveEntry>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        long total = 0;
        try
        {
            using var zip = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
            foreach (var entry in zip.Entries)
            {
                if (entry.FullName.EndsWith('/') && entry.Length == 0)
                {
                    continue;
                }

                if (entries.Count == limits.MaxFiles)
                {
                    throw new UsyncArchiveException($"the archive holds more than {limits.MaxFiles} files");
                }

                var path = CheckedPath(entry.FullName);
                if (!seen.Add(path))
                {
                    throw new UsyncArchiveException($"{path}: in the archive twice");
                }

                var bytes = Inflate(entry, path, limits.MaxBytes - total, limits.MaxBytes);
                total += bytes.Length;
                entries.Add(new UsyncArchiveEntry(path, bytes));
            }
        }
        catch (InvalidDataException ex)
        {
            throw new UsyncArchiveException($"not a readable zip archive: {ex.Message}");
        }

        if (!seen.Contains(UsyncFolderReader.MarkerFile))
        {
            throw new UsyncArchiveException($"{UsyncFolderReader.MarkerFile}: missing; the archive must hold a uSync folder's contents (usync.config at its top)");
        }

        return entries;
    }

    /// <summary>Writes checked entries below <paramref name="folder"/> (a new, empty folder).</summary>
    public static void Extract(IReadOnlyList<UsyncArchiveEntry> entries, string folder)
    {
        foreach (var entry in entries)
        {
            var target = Path.GetFullPath(Path.Combine(folder, entry.Path));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, entry.Bytes);
        }
    }

    /// <summary>The path if it is one a uSync folder has: the marker, or a *.config file in a handler's folder.</summary>
    public static string CheckedPath(string name)
    {
        var path = name.Replace('\\', '/');
        var segments = path.Split('/');
        if (path.Length == 0 || path.Length > 400 || Path.IsPathRooted(path) || path.Contains(':') ||
            segments.Any(s => s is "" or "." or ".." || s.Any(c => char.IsControl(c))))
        {
            throw new UsyncArchiveException($"'{Printable(name)}': not a relative path inside the folder");
        }

        if (path == UsyncFolderReader.MarkerFile)
        {
            return path;
        }

        if (segments.Length < 2 || !path.EndsWith(".config", StringComparison.OrdinalIgnoreCase) ||
            !UsyncHandlers.All.Any(h => string.Equals(h.Folder, segments[0], StringComparison.Ordinal)))
        {
            throw new UsyncArchiveException(
                $"{Printable(path)}: not a uSync file (the archive holds {UsyncFolderReader.MarkerFile} and *.config files in {string.Join(", ", UsyncHandlers.All.Select(h => h.Folder))})");
        }

        return path;
    }

    private static byte[] Inflate(ZipArchiveEntry entry, string path, long allowed, long limit)
    {
        using var input = entry.Open();
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (output.Length + read > allowed)
            {
                throw new UsyncArchiveException($"{path}: the archive inflates to more than {limit:N0} bytes");
            }

            output.Write(buffer, 0, read);
        }

        return output.ToArray();
    }

    private static void Add(ZipArchive zip, string path, byte[] bytes)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Fastest);
        using var stream = entry.Open();
        stream.Write(bytes);
    }

    private static string Printable(string text) =>
        new(text.Take(200).Select(c => char.IsControl(c) ? '?' : c).ToArray());
}

/// <summary>How much an archive may hold: files, and bytes once inflated.</summary>
public sealed record UsyncArchiveLimits(int MaxFiles, long MaxBytes)
{
    /// <summary>Room for a hub of about 100,000 items (10,000 news items are about 30 MB).</summary>
    public static UsyncArchiveLimits Default { get; } = new(200_000, 512L << 20);
}
