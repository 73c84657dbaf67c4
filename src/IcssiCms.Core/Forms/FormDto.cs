using NPoco;
using Umbraco.Cms.Infrastructure.Persistence.DatabaseAnnotations;

namespace IcssiCms.Core.Forms;

/// <summary>
/// A form of the hub, stored whole: its key and alias, its name, and its definition as the JSON of the uSync model
/// (<see cref="IcssiCms.Usync.Model.UsyncForm"/>), so that it reads back exactly as it was imported.
/// </summary>
[TableName(TableName)]
[PrimaryKey("key", AutoIncrement = false)]
[ExplicitColumns]
public sealed class FormDto
{
    public const string TableName = "icssiForm";

    [Column("key")]
    [PrimaryKeyColumn(AutoIncrement = false, Name = "PK_icssiForm")]
    public Guid Key { get; set; }

    [Column("alias")]
    [Length(255)]
    [Index(IndexTypes.UniqueNonClustered, Name = "IX_icssiForm_alias")]
    public string Alias { get; set; } = string.Empty;

    [Column("name")]
    [Length(255)]
    public string Name { get; set; } = string.Empty;

    [Column("definition")]
    [SpecialDbType(SpecialDbTypes.NVARCHARMAX)]
    public string Definition { get; set; } = string.Empty;

    [Column("updatedUtc")]
    public DateTime UpdatedUtc { get; set; }
}
