using System.CommandLine;

namespace IcssiCms.Usync.Cli.Commands;

/// <summary>
/// <c>usync plan [folder] --site … [--json file]</c>: what importing the folder would change in the site, item by item,
/// without writing to it; the exit code says whether there is anything to apply, and whether it loses data.
/// </summary>
internal static class PlanCommand
{
    public static Command Create(CommandOutput output)
    {
        var folder = CommonOptions.Folder("The uSync folder to plan");
        var site = CommonOptions.Site("The site the plan is for");
        var clientId = CommonOptions.ClientId();
        var json = new Option<FileInfo?>("--json")
        {
            Description = "Also write the plan to this file, as JSON, for usync apply (and for a pull request to carry).",
            HelpName = "file",
        };
        var command = new Command("plan",
            "Shows what importing the folder would change in the site, without writing to it: each item to create, update, rename or delete, " +
            "each changed setting old → new, and destructive changes with how many content items and values they would lose.")
        {
            folder,
            site,
            clientId,
            json,
        };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(output, parse.GetValue(folder)!, parse.GetValue(site)!, parse.GetValue(clientId), parse.GetValue(json), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CommandOutput output, string folder, string site, string? clientId, FileInfo? json, CancellationToken cancellationToken)
    {
        var manifest = SiteClient.ReadManifestAsync(folder);
        using var client = await CommonOptions.ConnectAsync(site, clientId, cancellationToken);
        var answer = await output.StepAsync($"Planning {folder} against {client.Site}", async () => await client.PlanAsync(folder, await manifest, cancellationToken));
        if (answer.Plan is not { } plan)
        {
            foreach (var problem in answer.Problems)
            {
                output.ErrorLine(problem.ToString());
            }

            output.ErrorLine($"{folder}: {PlanReport.Count(answer.Problems.Count, "problem")}; nothing planned (an import would refuse the folder whole).");
            return ExitCodes.Refused;
        }

        PlanReport.Write(output, plan);
        output.Line(PlanReport.Summary(plan), plan.IsDestructive ? Tone.Warning : Tone.Strong);
        if (json is not null)
        {
            if (json.Directory is { Exists: false } directory)
            {
                directory.Create();
            }

            await File.WriteAllTextAsync(json.FullName, plan.ToJson(), cancellationToken);
            output.Line($"Plan written to {json.FullName} (schema {plan.TargetSchemaHash[..12]}…).", Tone.Quiet);
        }

        return plan.IsEmpty ? ExitCodes.Success : plan.IsDestructive ? ExitCodes.DestructiveChanges : ExitCodes.Changes;
    }
}
