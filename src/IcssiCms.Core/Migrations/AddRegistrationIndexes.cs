using IcssiCms.Core.Registrations;
using Umbraco.Cms.Infrastructure.Migrations;

namespace IcssiCms.Core.Migrations;

/// <summary>
/// Indexes for the questions sign-ups, links and the outbox ask of <see cref="RegistrationDto"/>'s table: an address's
/// registrations, the places held at an event, the next position in line, and the other places of one sign-up.
/// </summary>
public sealed class AddRegistrationIndexes(IMigrationContext context) : AsyncMigrationBase(context)
{
    public const string Email = "IX_icssiRegistration_email";
    public const string EventStatus = "IX_icssiRegistration_event_status";
    public const string Position = "IX_icssiRegistration_position";
    public const string RecordKey = "IX_icssiRegistration_record";

    protected override Task MigrateAsync()
    {
        Add(Email, "email");
        Add(EventStatus, "eventKey", "status");
        Add(Position, "position");
        Add(RecordKey, "recordKey");
        return Task.CompletedTask;
    }

    private void Add(string name, params string[] columns)
    {
        if (IndexExists(name))
        {
            return;
        }

        var index = Create.Index(name).OnTable(RegistrationDto.TableName);
        foreach (var column in columns)
        {
            index.OnColumn(column).Ascending();
        }

        index.WithOptions().NonClustered().Do();
    }
}
