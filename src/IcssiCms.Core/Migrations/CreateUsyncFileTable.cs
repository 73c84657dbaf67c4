using IcssiCms.Core.Usync;
using Umbraco.Cms.Infrastructure.Migrations;

namespace IcssiCms.Core.Migrations;

/// <summary>The hash of every uSync file last imported, so that an unchanged file is not imported again.</summary>
public sealed class CreateUsyncFileTable(IMigrationContext context) : AsyncMigrationBase(context)
{
    protected override Task MigrateAsync()
    {
        if (!TableExists(UsyncFileDto.TableName))
        {
            Create.Table<UsyncFileDto>().Do();
        }

        return Task.CompletedTask;
    }
}
