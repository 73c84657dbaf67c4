using System.ComponentModel;

namespace IcssiCms.EmbeddedHost.Usync;

/// <summary>The part of uSync's <c>uSync:Settings</c> the embedded host honours, with uSync's defaults.</summary>
public sealed class UsyncSettings
{
    public const string SectionName = "uSync:Settings";

    /// <summary>The folder uSync 17 reads and writes, relative to the content root.</summary>
    [DefaultValue("uSync/v17/")]
    public string RootFolder { get; set; } = "uSync/v17/";

    /// <summary>Import <see cref="FirstBootGroup"/> once, when the store is new.</summary>
    public bool ImportOnFirstBoot { get; set; }

    [DefaultValue("All")]
    public string FirstBootGroup { get; set; } = "All";

    /// <summary>Groups imported at every start ("None" turns it off); only files that changed are imported.</summary>
    [DefaultValue("None")]
    public string ImportAtStartup { get; set; } = "None";

    /// <summary>
    /// Groups written to <see cref="RootFolder"/> when the back office changes them ("None", "Settings", "Content" or
    /// "All"); only content is ever written here (<see cref="ContentExportOnSave"/>). uSync's default is "All"; here it
    /// is "None", so that nothing is written unless configured.
    /// </summary>
    [DefaultValue("None")]
    public string ExportOnSave { get; set; } = "None";
}
