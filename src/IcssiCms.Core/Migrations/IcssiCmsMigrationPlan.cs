using Umbraco.Cms.Core.Packaging;

namespace IcssiCms.Core.Migrations;

/// <summary>
/// The plugin's own tables, created and upgraded by Umbraco's package migrations: found by Umbraco's type scan, run
/// unattended at boot (<c>Umbraco:CMS:Unattended:PackageMigrationsUnattended</c>, on by default) by one server of a
/// load-balanced site, on SQLite and SQL Server alike. A new step is a new <c>To&lt;T&gt;</c> at the end.
/// </summary>
public sealed class IcssiCmsMigrationPlan : PackageMigrationPlan
{
    public const string PlanName = "IcssiCms";

    public IcssiCmsMigrationPlan()
        : base(PlanName)
    {
    }

    protected override void DefinePlan()
    {
        To<CreateUsyncFileTable>("icssi-usync-files");
        To<CreateFormTable>("icssi-forms");
    }
}
