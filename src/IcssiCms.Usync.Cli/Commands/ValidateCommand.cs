using System.CommandLine;
using IcssiCms.Usync.Model;
using IcssiCms.Usync.Validation;

namespace IcssiCms.Usync.Cli.Commands;

/// <summary><c>usync validate [folder]</c>: the import's strict checks, every problem with its file and line.</summary>
internal static class ValidateCommand
{
    public static Command Create(CommandOutput output)
    {
        var folder = CommonOptions.Folder("The uSync folder (the one holding usync.config)");
        var command = new Command("validate",
            "Checks a uSync folder as the import does (well-formed files, duplicate keys and aliases, dangling references, unknown editors, values their editors cannot hold, forms) and lists every problem as file:line: message.")
        {
            folder,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(output, parse.GetValue(folder)!));
        return command;
    }

    private static async Task<int> RunAsync(CommandOutput output, string folder)
    {
        var (set, problems) = await output.StepAsync($"Validating {folder}", () => Task.FromResult(Validate(folder)));
        foreach (var problem in problems)
        {
            output.Line(problem.ToString(), Tone.Removed);
        }

        if (problems.Count > 0)
        {
            output.Line($"{folder}: {PlanReport.Count(problems.Count, "problem")} in {PlanReport.Count(set.Files.Count, "file")}; an import would refuse it whole.", Tone.Warning);
            return ExitCodes.Refused;
        }

        output.Line($"{folder}: valid, {PlanReport.Count(set.Files.Count, "file")} ({Counts(set)}).", Tone.Added);
        return ExitCodes.Success;
    }

    /// <summary>The reader's problems and, when every file read, the validator's: what an import would refuse.</summary>
    public static (UsyncSet Set, IReadOnlyList<UsyncProblem> Problems) Validate(string folder)
    {
        var read = UsyncFolderCheck.Read(folder);
        var problems = read.Problems;
        return (read.Set, problems);
    }

    private static string Counts(UsyncSet set) => string.Join(", ",
        PlanReport.Count(set.Languages.Count, "language"),
        PlanReport.Count(set.Dictionary.Count, "dictionary item"),
        PlanReport.Count(set.DataTypes.Count, "data type"),
        PlanReport.Count(set.ContentTypes.Count, "document type"),
        PlanReport.Count(set.Content.Count, "content item"),
        PlanReport.Count(set.Forms.Count, "form"),
        PlanReport.Count(set.Deletes.Count, "delete marker"));
}
