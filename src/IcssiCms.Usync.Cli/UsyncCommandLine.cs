using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using IcssiCms.Usync.Cli.Commands;
using Spectre.Console;

namespace IcssiCms.Usync.Cli;

/// <summary>
/// The <c>usync</c> command line: <c>validate</c>, <c>plan</c>, <c>apply</c> and <c>export</c>, each with
/// <c>--help</c>, each returning one of <see cref="ExitCodes"/>.
/// </summary>
public static class UsyncCommandLine
{
    /// <summary>Runs one command in-process, with plain output (no colours, no spinners) on the given writers.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        RunAsync(args, new CommandOutput(output, error, terminal: null), cancellationToken);

    /// <summary>Runs as the <c>usync</c> process: Spectre.Console on a terminal, plain lines when redirected or under CI.</summary>
    internal static Task<int> RunInConsoleAsync(string[] args)
    {
        var interactive = !Console.IsOutputRedirected
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
            && AnsiConsole.Profile.Capabilities.Interactive;
        return RunAsync(args, new CommandOutput(Console.Out, Console.Error, interactive ? AnsiConsole.Console : null), CancellationToken.None);
    }

    private static async Task<int> RunAsync(string[] args, CommandOutput output, CancellationToken cancellationToken)
    {
        var exitCodes = new Dictionary<Command, string>();
        // A named command rather than RootCommand, whose name is the process's (dotnet's testhost, in-process).
        var root = new Command(
            "usync",
            "usync: validates a uSync 17 folder, plans and applies it against the hub's Umbraco site (as an Umbraco API user), and exports a site as uSync files. " +
            "Run usync <command> --help for each command's options and exit codes.");
        exitCodes[root] = ExitCodes.All;
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        Add(ValidateCommand.Create(output), ExitCodes.Validate);
        Add(PlanCommand.Create(output), ExitCodes.Plan);
        Add(ApplyCommand.Create(output), ExitCodes.Apply);
        Add(ExportCommand.Create(output), ExitCodes.Export);

        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithExitCodes((SynchronousCommandLineAction)help.Action!, exitCodes);

        var parse = root.Parse(args);
        if (parse.Action is ParseErrorAction parseError)
        {
            // The errors and a pointer to --help: the whole help text would bury the error in a CI log.
            parseError.ShowHelp = false;
        }

        var invocation = new InvocationConfiguration { Output = output.Out, Error = output.Error, EnableDefaultExceptionHandler = false };
        try
        {
            var code = await parse.InvokeAsync(invocation, cancellationToken);
            if (parse.Action is ParseErrorAction)
            {
                output.ErrorLine($"Run '{string.Join(' ', CommandPath(parse.CommandResult.Command))} --help' for usage.");
                return ExitCodes.Usage;
            }

            return code;
        }
        catch (CommandException ex)
        {
            output.ErrorLine("error: " + ex.Message);
            return ExitCodes.Error;
        }
        catch (OperationCanceledException)
        {
            output.ErrorLine("Cancelled.");
            return ExitCodes.Error;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            output.ErrorLine("error: " + ex.Message);
            return ExitCodes.Error;
        }

        void Add(Command command, string codes)
        {
            root.Subcommands.Add(command);
            exitCodes[command] = codes;
        }
    }

    private static IEnumerable<string> CommandPath(Command command) =>
        command.Name == "usync" ? ["usync"] : ["usync", command.Name];

    /// <summary>System.CommandLine's help, followed by the exit codes of the command it is for.</summary>
    private sealed class HelpWithExitCodes(SynchronousCommandLineAction help, IReadOnlyDictionary<Command, string> exitCodes) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var code = help.Invoke(parseResult);
            if (exitCodes.TryGetValue(parseResult.CommandResult.Command, out var codes))
            {
                parseResult.InvocationConfiguration.Output.WriteLine(codes);
            }

            return code;
        }
    }
}
