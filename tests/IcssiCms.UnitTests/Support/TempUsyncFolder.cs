using System.Text;
using System.Xml.Linq;

namespace IcssiCms.UnitTests.Support;

/// <summary>
/// A copy of the real hub folder in a fresh temporary directory, for a test to break; deleted on dispose.
/// The folder is <see cref="Root"/>/uSync/v17, so that a store file can sit beside it in <see cref="Root"/>.
/// </summary>
public sealed class TempUsyncFolder : IDisposable
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public TempUsyncFolder()
    {
        Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "icssi-unit-" + Guid.NewGuid().ToString("N"));
        Path = System.IO.Path.Combine(Root, "uSync", "v17");
        Copy(new DirectoryInfo(HubFolder.Path), Path);
    }

    public string Root { get; }

    /// <summary>The uSync folder (the one holding usync.config).</summary>
    public string Path { get; }

    public string FullPath(string relative) => System.IO.Path.Combine(Path, relative);

    public string Read(string relative) => File.ReadAllText(FullPath(relative));

    public void Write(string relative, string text) => File.WriteAllText(FullPath(relative), text, Utf8WithBom);

    public void Delete(string relative)
    {
        Assert.True(File.Exists(FullPath(relative)), $"{relative} is not in the folder.");
        File.Delete(FullPath(relative));
    }

    /// <summary>Replaces the one occurrence of <paramref name="oldText"/>; fails the test when it is not there exactly once.</summary>
    public void Replace(string relative, string oldText, string newText)
    {
        var text = Read(relative);
        var found = Occurrences(text, oldText);
        Assert.True(found == 1, $"Expected '{oldText}' once in {relative}, found it {found} times.");
        Write(relative, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    /// <summary>Replaces a file with an <c>&lt;Empty&gt;</c> marker, as uSync writes for a deleted or renamed item.</summary>
    public void WriteEmptyMarker(string relative, Guid key, string alias, string change)
    {
        Assert.True(File.Exists(FullPath(relative)), $"{relative} is not in the folder.");
        new XDocument(
                new XDeclaration("1.0", "utf-8", null),
                new XElement("Empty", new XAttribute("Key", key), new XAttribute("Alias", alias), new XAttribute("Change", change)))
            .Save(FullPath(relative));
    }

    /// <summary>Loads a file as XML, lets the test change it, and saves it as uSync would (declaration, indented).</summary>
    public void Edit(string relative, Action<XDocument> edit)
    {
        var document = XDocument.Load(FullPath(relative));
        edit(document);
        document.Save(FullPath(relative));
    }

    /// <summary>The 1-based line of the one line of the file that contains <paramref name="text"/>.</summary>
    public int LineOf(string relative, string text)
    {
        var lines = File.ReadAllLines(FullPath(relative));
        var matches = Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains(text, StringComparison.Ordinal)).ToList();
        Assert.True(matches.Count == 1, $"Expected one line of {relative} to contain '{text}', found {matches.Count}.");
        return matches[0] + 1;
    }

    /// <summary>The 1-based line of the first line containing <paramref name="text"/> at or after the one line containing <paramref name="after"/>.</summary>
    public int LineOf(string relative, string text, string after)
    {
        var lines = File.ReadAllLines(FullPath(relative));
        for (var i = LineOf(relative, after) - 1; i < lines.Length; i++)
        {
            if (lines[i].Contains(text, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        Assert.Fail($"No line of {relative} after '{after}' contains '{text}'.");
        return 0;
    }

    /// <summary>The 1-based line of the element (by its opening tag) that encloses the one line containing <paramref name="inner"/>.</summary>
    public int LineOfEnclosing(string relative, string inner, string openingTag)
    {
        var lines = File.ReadAllLines(FullPath(relative));
        for (var i = LineOf(relative, inner) - 1; i >= 0; i--)
        {
            if (lines[i].Contains(openingTag, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        Assert.Fail($"No {openingTag} encloses '{inner}' in {relative}.");
        return 0;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere: the temporary directory is left for the system to clean.
        }
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static void Copy(DirectoryInfo source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in source.EnumerateFiles())
        {
            file.CopyTo(System.IO.Path.Combine(target, file.Name));
        }

        foreach (var directory in source.EnumerateDirectories())
        {
            Copy(directory, System.IO.Path.Combine(target, directory.Name));
        }
    }
}
