using Umbraco.Cms.Infrastructure.Migrations;

namespace IcssiCms.Core.Migrations;

/// <summary>
/// The plugin's own tables, created and upgraded by Umbraco's migrations (<see cref="RunIcssiCmsMigrations"/>), on SQLite
/// and SQL Server alike. Umbraco records how far the plan has run in its key-value table. A new step is a new
/// <c>To&lt;T&gt;</c> at the end.
/// </summary>
public sealed class IcssiCmsMigrationPlan : MigrationPlan
{
    public const string PlanName = "IcssiCms";

    public IcssiCmsMigrationPlan()
        : base(PlanName)
    {
        From(string.Empty)
            .To<CreateUsyncFileTable>("icssi-usync-files")
            .To<CreateFormTable>("icssi-forms")
            .To<CreateRegistrationTables>("icssi-registrations")
            .To<AddRegistrationIndexes>("icssi-registration-indexes");
    }
}
