using IcssiCms.Core.Registrations;
using NPoco;
using Umbraco.Cms.Infrastructure.Migrations;

namespace IcssiCms.Core.Migrations;

/// <summary>
/// Registrations (<see cref="FormRecordDto"/>, <see cref="RegistrationDto"/>, <see cref="OutboxMailDto"/>), and the row of
/// Umbraco's lock table that sign-ups take, so that places are counted one writer at a time on every server.
/// </summary>
public sealed class CreateRegistrationTables(IMigrationContext context) : AsyncMigrationBase(context)
{
    protected override Task MigrateAsync()
    {
        if (!TableExists(FormRecordDto.TableName))
        {
            Create.Table<FormRecordDto>().Do();
        }

        if (!TableExists(RegistrationDto.TableName))
        {
            Create.Table<RegistrationDto>().Do();
        }

        if (!TableExists(OutboxMailDto.TableName))
        {
            Create.Table<OutboxMailDto>().Do();
        }

        var syntax = Context.SqlContext.SqlSyntax;
        var table = syntax.GetQuotedTableName("umbracoLock");
        if (Database.ExecuteScalar<int>(new Sql($"SELECT COUNT(*) FROM {table} WHERE id = @0", RegistrationLock.Id)) == 0)
        {
            Database.Execute(new Sql(
                $"INSERT INTO {table} (id, {syntax.GetQuotedColumnName("value")}, {syntax.GetQuotedColumnName("name")}) VALUES (@0, 1, @1)",
                RegistrationLock.Id,
                RegistrationLock.Name));
        }

        return Task.CompletedTask;
    }
}
