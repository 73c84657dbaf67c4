using System.CommandLine;

namespace IcssiCms.Usync.Cli.Commands;

/// <summary>The arguments several commands share, described once.</summary>
internal static class CommonOptions
{
    public const string DefaultFolder = "uSync/v17";

    public static Argument<string> Folder(string description) => new("folder")
    {
        Description = description,
        DefaultValueFactory = _ => DefaultFolder,
        Arity = ArgumentArity.ZeroOrOne,
    };

    public static Option<string> Store(string name, string description) => new(name)
    {
        Description = description + ": a SQLite connection string (\"Data Source=umbraco/Data/Umbraco.sqlite.db\") or a data folder holding Umbraco.sqlite.db (umbraco/Data). The file must exist and be migrated.",
        Required = true,
        HelpName = "connection|folder",
    };

}
