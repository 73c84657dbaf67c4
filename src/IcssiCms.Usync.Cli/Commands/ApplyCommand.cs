using System.CommandLine;
using IcssiCms.Store.Importing;
using IcssiCms.Store.Planning;
using Microsoft.EntityFrameworkCore;

namespace IcssiCms.Usync.Cli.Commands;

/// <summary>
/// <c>usync apply --plan file --target … [--allow-destructive]</c>: applies exactly the plan, in one transaction, or
/// nothing: refused when the folder's files or the store's schema are no longer what the plan was made from.
/// </summary>
internal static class ApplyCommand
{
    public static Command Create(CommandOutput output)
    {
        var planFile = new Option<FileInfo>("--plan")
        {
            Description = "The plan file usync plan --json wrote.",
            Required = true,
            HelpName = "file",
        };
        var target = CommonOptions.Store("--target", "The store to apply the plan to (the one it was planned against)");
        var allowDestructive = new Option<bool>("--allow-destructive")
        {
            Description = "Apply a plan that deletes items or loses stored values (without it such a plan is refused, exit code 4).",
        };
        var folder = new Option<string?>("--folder")
        {
            Description = "The uSync folder, when it is not where the plan was made (its files must still be those the plan was made from).",
            HelpName = "folder",
        };
        var command = new Command("apply",
            "Applies a plan made by usync plan --json, exactly and in one transaction: refused, with nothing written, when the folder or the " +
            "store changed since the plan, or when the plan is destructive and --allow-destructive is not given.")
        {
            planFile,
            target,
            allowDestructive,
            folder,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            output, parse.GetValue(planFile)!, parse.GetValue(target)!, parse.GetValue(allowDestructive), parse.GetValue(folder), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CommandOutput output, FileInfo planFile, string target, bool allowDestructive, string? folder, CancellationToken cancellationToken)
    {
        var plan = await ReadPlanAsync(planFile, cancellationToken);
        if (folder is not null)
        {
            plan = plan with { Folder = Path.GetFullPath(folder) };
        }

        await using var db = await StoreTarget.OpenAsync(target, cancellationToken);
        var applier = new PlanApplier(new UsyncPlanner(db), new UsyncImporter(db, new CliLogger<UsyncImporter>(output.Error)), new CliLogger<PlanApplier>(output.Error));
        var result = await output.StepAsync(
            $"Applying {planFile.Name} ({PlanReport.Count(plan.Changes.Count, "change")}) to {db.Database.GetDbConnection().DataSource}",
            () => applier.ApplyAsync(plan, allowDestructive, cancellationToken));

        switch (result.Outcome)
        {
            case ApplyOutcome.Applied:
                if (plan.IsEmpty)
                {
                    output.Line("Nothing to apply: the plan has no changes.", Tone.Strong);
                    return ExitCodes.Success;
                }

                output.Line($"Applied {PlanReport.Count(plan.Changes.Count, "change")} in {result.Elapsed.TotalMilliseconds:0} ms:", Tone.Strong);
                PlanReport.Write(output, plan, withDetails: false);
                output.Line(PlanReport.Summary(plan).Replace("Plan:", "Applied:", StringComparison.Ordinal), Tone.Strong);
                return ExitCodes.Success;

            case ApplyOutcome.DestructiveRefused:
                Refuse(output, "The plan is destructive and --allow-destructive was not given; nothing was written:", result.Reasons);
                return ExitCodes.DestructiveRefused;

            case ApplyOutcome.FolderChanged:
                Refuse(output, $"The folder {plan.Folder} changed since the plan; nothing was written. Plan again:", result.Reasons);
                return ExitCodes.Refused;

            case ApplyOutcome.StaleTarget:
                Refuse(output, "The store changed since the plan was made; nothing was written. Plan again:", result.Reasons);
                return ExitCodes.Refused;

            default:
                Refuse(output, $"The folder {plan.Folder} has problems; nothing was written:", result.Problems.Select(p => p.ToString()).ToList());
                return ExitCodes.Refused;
        }
    }

    private static async Task<UsyncPlan> ReadPlanAsync(FileInfo file, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            throw new CommandException($"The plan file {file.FullName} does not exist.");
        }

        var (plan, problem) = UsyncPlan.FromJson(await File.ReadAllTextAsync(file.FullName, cancellationToken));
        return plan ?? throw new CommandException($"{file.FullName} is not a usable plan: {problem}.");
    }

    private static void Refuse(CommandOutput output, string headline, IReadOnlyList<string> reasons)
    {
        output.ErrorLine(headline);
        foreach (var reason in reasons)
        {
            output.ErrorLine("  " + reason);
        }
    }
}
