using System.CommandLine;
using IcssiCms.Usync.Planning;

namespace IcssiCms.Usync.Cli.Commands;

/// <summary>
/// <c>usync apply --plan file --site … [--allow-destructive]</c>: the site applies exactly the plan, in one transaction,
/// or nothing: refused when the folder's files, the site's schema or any item the plan touches are no longer what the
/// plan was made from.
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
        var site = CommonOptions.Site("The site to apply the plan to (the one it was planned against)");
        var clientId = CommonOptions.ClientId();
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
            "Applies a plan made by usync plan --json, exactly and in one transaction: refused, with nothing written, when the folder, or anything " +
            "the plan touches on the site, changed since the plan, or when the plan is destructive and --allow-destructive is not given.")
        {
            planFile,
            site,
            clientId,
            allowDestructive,
            folder,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            output, parse.GetValue(planFile)!, parse.GetValue(site)!, parse.GetValue(clientId), parse.GetValue(allowDestructive), parse.GetValue(folder), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CommandOutput output, FileInfo planFile, string site, string? clientId, bool allowDestructive, string? folder, CancellationToken cancellationToken)
    {
        var plan = await ReadPlanAsync(planFile, cancellationToken);
        var from = Path.GetFullPath(folder ?? plan.Folder);
        if (plan.IsDestructive && !allowDestructive)
        {
            // Said before anything is sent: the site would refuse it the same way.
            Refuse(output, "The plan is destructive and --allow-destructive was not given; nothing was written:",
                plan.Changes.Where(c => c.Destructive is not null)
                    .Select(c => $"{c}: {c.Destructive!.Reason} ({PlanReport.Count(c.Destructive.ContentItems, "content item")}, {PlanReport.Count(c.Destructive.Values, "value")})")
                    .ToList());
            return ExitCodes.DestructiveRefused;
        }

        var manifest = SiteClient.ReadManifestAsync(from);
        using var client = await CommonOptions.ConnectAsync(site, clientId, cancellationToken);
        if (!string.IsNullOrEmpty(plan.Target) && !SameSite(plan.Target, client.Site))
        {
            output.Line($"The plan was made against {plan.Target}; applying it to {client.Site}, which checks every planned item.", Tone.Warning);
        }

        var answer = await output.StepAsync(
            $"Applying {planFile.Name} ({PlanReport.Count(plan.Changes.Count, "change")}) to {client.Site}",
            async () => await client.ApplyAsync(plan, from, await manifest, allowDestructive, cancellationToken));

        switch (answer.Outcome)
        {
            case "Applied":
                if (plan.IsEmpty)
                {
                    output.Line("Nothing to apply: the plan has no changes.", Tone.Strong);
                    return ExitCodes.Success;
                }

                output.Line($"Applied {PlanReport.Count(plan.Changes.Count, "change")} in {answer.ElapsedMilliseconds} ms:", Tone.Strong);
                PlanReport.Write(output, plan, withDetails: false);
                output.Line(PlanReport.Summary(plan).Replace("Plan:", "Applied:", StringComparison.Ordinal), Tone.Strong);
                return ExitCodes.Success;

            case "DestructiveRefused":
                Refuse(output, "The plan is destructive and --allow-destructive was not given; nothing was written:", answer.Reasons);
                return ExitCodes.DestructiveRefused;

            case "FolderChanged":
                Refuse(output, $"The folder {from} changed since the plan; nothing was written. Plan again:", answer.Reasons);
                return ExitCodes.Refused;

            case "SiteChanged":
                Refuse(output, $"{client.Site} changed since the plan was made; nothing was written. Plan again:", answer.Reasons);
                return ExitCodes.Refused;

            default:
                Refuse(output, $"The folder {from} has problems; nothing was written:", answer.Problems.Select(p => p.ToString()).ToList());
                return ExitCodes.Refused;
        }
    }

    private static bool SameSite(string target, Uri site) =>
        Uri.TryCreate(target.EndsWith('/') ? target : target + "/", UriKind.Absolute, out var planned) && Uri.Compare(planned, site, UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

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
