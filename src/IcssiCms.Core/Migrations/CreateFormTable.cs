using IcssiCms.Core.Forms;
using Umbraco.Cms.Infrastructure.Migrations;

namespace IcssiCms.Core.Migrations;

/// <summary>The hub's forms (Umbraco Forms cannot run here), as imported from uSync's <c>Forms/</c> files.</summary>
public sealed class CreateFormTable(IMigrationContext context) : AsyncMigrationBase(context)
{
    protected override Task MigrateAsync()
    {
        if (!TableExists(FormDto.TableName))
        {
            Create.Table<FormDto>().Do();
        }

        return Task.CompletedTask;
    }
}
