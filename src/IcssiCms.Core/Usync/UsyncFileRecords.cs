using IcssiCms.Usync.Model;
using NPoco;
using Umbraco.Cms.Infrastructure.Persistence;

namespace IcssiCms.Core.Usync;

/// <summary>The plugin's record of the files last imported (<see cref="UsyncFileDto"/>), read and written in the import's scope.</summary>
internal static class UsyncFileRecords
{
    public static Dictionary<string, string> Read(IUmbracoDatabase database, IReadOnlyCollection<UsyncItemType> itemTypes)
    {
        var types = itemTypes.Select(t => t.ToString()).ToHashSet(StringComparer.Ordinal);
        return database.Fetch<UsyncFileDto>(new Sql($"SELECT * FROM {UsyncFileDto.TableName}"))
            .Where(f => types.Contains(f.ItemType))
            .ToDictionary(f => f.Path, f => f.Hash, StringComparer.Ordinal);
    }

    /// <summary>Replaces the records of these item types with the given files.</summary>
    public static void Replace(IUmbracoDatabase database, IReadOnlyCollection<UsyncItemType> itemTypes, IEnumerable<UsyncFile> files, DateTime importedUtc)
    {
        foreach (var type in itemTypes)
        {
            database.Execute(new Sql($"DELETE FROM {UsyncFileDto.TableName} WHERE itemType = @0", type.ToString()));
        }

        foreach (var file in files.Where(f => itemTypes.Contains(f.ItemType)))
        {
            database.Insert(new UsyncFileDto { Path = file.Path, ItemType = file.ItemType.ToString(), Hash = file.Hash, ImportedUtc = importedUtc });
        }
    }
}
