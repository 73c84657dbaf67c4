using System.ComponentModel;

namespace IcssiCms.Core.Usync;

/// <summary>uSync's own settings (<c>uSync:Settings</c>), as far as the hub's import and export honour them, with uSync's names.</summary>
public sealed class UsyncSettings
{
    public const string SectionName = "uSync:Settings";

    /// <summary>The folder uSync 17 reads and writes, relative to the content root.</summary>
    [DefaultValue("uSync/v17/")]
    public string RootFolder { get; set; } = "uSync/v17/";

    /// <summary>Import <see cref="FirstBootGroup"/> once, on a site that has never imported.</summary>
    public bool ImportOnFirstBoot { get; set; }

    [DefaultValue("All")]
    public string FirstBootGroup { get; set; } = "All";

    /// <summary>Groups imported at every start ("None" turns it off); only files whose bytes changed are imported.</summary>
    [DefaultValue("None")]
    public string ImportAtStartup { get; set; } = "None";

    /// <summary>
    /// Groups written to <see cref="RootFolder"/> when an editor or developer saves in Umbraco's back office: "None",
    /// "Settings" (languages, dictionary, data types, document types), "Content", or "All". uSync's default is "All";
    /// here it is "None", so that a developer's run never writes the repository's folder unless asked to.
    /// </summary>
    [DefaultValue("None")]
    public string ExportOnSave { get; set; } = "None";
}
