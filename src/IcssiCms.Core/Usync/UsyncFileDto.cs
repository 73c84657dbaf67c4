using NPoco;
using Umbraco.Cms.Infrastructure.Persistence.DatabaseAnnotations;

namespace IcssiCms.Core.Usync;

/// <summary>A uSync file as last imported: its path in the folder, its handler's item type and the SHA-256 of its bytes.</summary>
[TableName(TableName)]
[PrimaryKey("path", AutoIncrement = false)]
[ExplicitColumns]
public sealed class UsyncFileDto
{
    public const string TableName = "icssiUsyncFile";

    [Column("path")]
    [Length(400)]
    [PrimaryKeyColumn(AutoIncrement = false, Name = "PK_icssiUsyncFile")]
    public string Path { get; set; } = string.Empty;

    [Column("itemType")]
    [Length(32)]
    public string ItemType { get; set; } = string.Empty;

    [Column("hash")]
    [Length(64)]
    public string Hash { get; set; } = string.Empty;

    [Column("importedUtc")]
    public DateTime ImportedUtc { get; set; }
}
