using System.Text;

namespace IcssiCms.UnitTests.Usync.Writing;

/// <summary>Compares two uSync folders file by file, and says where the first difference of each file is.</summary>
internal static class FolderComparison
{
    /// <summary>Every file of the folder, relative with '/', in ordinal order.</summary>
    public static IReadOnlyList<string> FilesOf(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static void AssertSameFiles(string expectedFolder, string actualFolder)
    {
        var expected = FilesOf(expectedFolder);
        var actual = FilesOf(actualFolder);
        Assert.True(expected.SequenceEqual(actual), $"Missing: [{string.Join(", ", expected.Except(actual))}]; extra: [{string.Join(", ", actual.Except(expected))}]");

        var differences = expected
            .Select(path => Difference(path, File.ReadAllBytes(Path.Combine(expectedFolder, path)), File.ReadAllBytes(Path.Combine(actualFolder, path))))
            .OfType<string>()
            .ToList();
        Assert.True(differences.Count == 0, $"{differences.Count} files differ:\n{string.Join("\n", differences)}");
    }

    /// <summary>Null when the bytes are equal; otherwise the file, the line and both versions of it.</summary>
    public static string? Difference(string path, byte[] expected, byte[] actual)
    {
        if (expected.AsSpan().SequenceEqual(actual))
        {
            return null;
        }

        var expectedLines = Encoding.UTF8.GetString(expected).Split('\n');
        var actualLines = Encoding.UTF8.GetString(actual).Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "<end of file>";
            var a = i < actualLines.Length ? actualLines[i] : "<end of file>";
            if (e != a)
            {
                return $"{path}:{i + 1}\n  expected: {Show(e)}\n  actual:   {Show(a)}";
            }
        }

        return $"{path}: same text, different bytes (BOM or encoding)";
    }

    private static string Show(string line) => line.Replace("\r", "\\r", StringComparison.Ordinal);
}
