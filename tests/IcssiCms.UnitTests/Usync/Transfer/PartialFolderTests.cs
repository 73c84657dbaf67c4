using IcssiCms.UnitTests.Support;
using IcssiCms.Usync;
using IcssiCms.Usync.Model;
using IcssiCms.Usync.Transfer;
using IcssiCms.Usync.Validation;
using IcssiCms.Usync.Writing;

namespace IcssiCms.UnitTests.Usync.Transfer;

/// <summary>
/// A folder sent in part (its manifest, and some files) and put together with the receiver's own copies of the rest:
/// the same items, files, problems and lines as reading the whole folder, or the files still to send.
/// </summary>
public sealed class PartialFolderTests
{
    [Fact]
    public void A_Folder_Sent_As_Its_Manifest_Alone_Reads_As_The_Whole_Folder_When_The_Receiver_Holds_Every_File()
    {
        var whole = UsyncFolderCheck.Read(HubFolder.Path);
        var composed = Compose(HubFolder.Path, sent: [], held: HubFolder.Path);

        Assert.Empty(composed.Missing);
        Assert.Equal(Describe(whole), Describe(composed.Read!));
    }

    [Fact]
    public void The_Problems_Of_A_Folder_Put_Together_Name_The_Folders_Files_And_Lines_As_Reading_It_Whole_Does()
    {
        using var folder = new TempUsyncFolder();
        var dataType = HubFolder.FilesOf("DataTypes").First(path => HubFolder.Set.ContentTypes.Any(t => t.Properties.Any(p =>
            HubFolder.Set.DataTypes.Single(d => d.Key == p.DataTypeKey).Source.File == path)));
        folder.Delete(dataType);
        var whole = UsyncFolderCheck.Read(folder.Path);
        Assert.NotEmpty(whole.Problems);

        // The document types that use the data type are the receiver's own copies, under names of its own.
        var composed = Compose(folder.Path, sent: [], held: HubFolder.Path);

        Assert.Equal(whole.Problems.Select(p => p.ToString()), composed.Read!.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void A_Changed_File_Is_Read_As_Sent_And_Its_Problems_Are_Its_Own()
    {
        using var folder = new TempUsyncFolder();
        var news = HubFolder.FilesOf("Content")[0];
        folder.Replace(news, "</Info>", "</Info><Broken>");
        var whole = UsyncFolderCheck.Read(folder.Path);

        var composed = Compose(folder.Path, sent: [news], held: HubFolder.Path);

        Assert.Empty(composed.Missing);
        Assert.Equal(whole.Problems.Select(p => p.ToString()), composed.Read!.Problems.Select(p => p.ToString()));
        Assert.Contains(composed.Read.Problems, p => p.Source.File == news && p.Source.Line > 0);
    }

    [Fact]
    public void The_Files_The_Receiver_Does_Not_Hold_Are_Listed_To_Send()
    {
        using var folder = new TempUsyncFolder();
        var changed = new[] { HubFolder.FilesOf("Content")[1], HubFolder.FilesOf("ContentTypes")[0] };
        foreach (var path in changed)
        {
            folder.Replace(path, "<Info>", "<Info>\n    ");
        }

        var composed = Compose(folder.Path, sent: [], held: HubFolder.Path);

        Assert.Null(composed.Read);
        Assert.Equal(changed.Order(StringComparer.Ordinal), composed.Missing.Order(StringComparer.Ordinal));
        Assert.Empty(Compose(folder.Path, sent: changed, held: HubFolder.Path).Missing);
    }

    [Fact]
    public void A_File_Sent_That_Is_Not_In_The_Manifest_Or_Not_As_The_Manifest_Lists_It_Is_Refused()
    {
        using var folder = new TempUsyncFolder();
        var file = HubFolder.FilesOf("Content")[0];
        var manifest = UsyncManifest.Of(folder.Path);
        folder.Replace(file, "<Info>", "<Info>\n    ");
        var sent = new UsyncFolderReader().ReadFiles(folder.Path);
        var onlyOne = (Files: (IReadOnlyList<UsyncFileRead>)sent.Files.Where(f => f.File.Path == file).ToList(), sent.Problems);

        var changedSince = PartialFolder.Compose(manifest, onlyOne, _ => null);
        var notListed = PartialFolder.Compose(new UsyncManifest(manifest.Files.Where(f => f.Key != file).ToDictionary()), onlyOne, _ => null);

        Assert.Equal($"{file}: its bytes are not those the manifest lists", changedSince.Problem);
        Assert.Equal($"{file}: sent, but not in the manifest", notListed.Problem);
    }

    /// <summary>
    /// Composes <paramref name="folder"/> from its manifest and the files named in <paramref name="sent"/>, with the
    /// receiver holding the files of <paramref name="held"/> (read under names of its own).
    /// </summary>
    private static PartialFolderResult Compose(string folder, IReadOnlyCollection<string> sent, string held)
    {
        var reader = new UsyncFolderReader();
        var copies = UsyncFolderReader.ListFiles(held, UsyncHandlers.All)
            .Select(f => reader.ReadFile(f.Handler, $"{f.Handler.Folder}/held-{Guid.NewGuid():N}.config", File.ReadAllBytes(Path.Combine(held, f.Path))))
            .GroupBy(r => r.File.Hash)
            .ToDictionary(g => g.Key, g => g.First());
        var read = reader.ReadFiles(folder);
        var sentFiles = (Files: (IReadOnlyList<UsyncFileRead>)read.Files.Where(f => sent.Contains(f.File.Path)).ToList(), read.Problems);
        return PartialFolder.Compose(UsyncManifest.Of(folder), sentFiles, hash => copies.GetValueOrDefault(hash));
    }

    /// <summary>Every file (path and hash), every item's file and line and its bytes as written again, and every problem.</summary>
    private static string[] Describe(UsyncReadResult read)
    {
        var writer = new UsyncFolderWriter();
        return
        [
            .. read.Set.Files.Select(f => $"{f.Path} {f.ItemType} {f.Hash}"),
            .. read.Set.Content.Select(c => $"{c.Source} {UsyncFolderReader.HashOf(new ContentWriter(read.Set.Content).ToBytes(c))}"),
            .. read.Set.ContentTypes.Select(c => $"{c.Source} {UsyncFolderReader.HashOf(new ContentTypeWriter().ToBytes(c))}"),
            .. read.Set.DataTypes.Select(d => $"{d.Source} {UsyncFolderReader.HashOf(new DataTypeWriter().ToBytes(d))}"),
            .. read.Set.Dictionary.Select(d => $"{d.Source} {UsyncFolderReader.HashOf(new DictionaryWriter().ToBytes(d))}"),
            .. read.Set.Languages.Select(l => $"{l.Source} {UsyncFolderReader.HashOf(new LanguageWriter().ToBytes(l))}"),
            .. read.Set.Forms.Select(f => $"{f.Source} {UsyncFolderReader.HashOf(new FormWriter().ToBytes(f))}"),
            .. read.Problems.Select(p => p.ToString()),
        ];
    }
}
