using IcssiCms.Usync.Cli;

namespace IcssiCms.UnitTests.Cli;

/// <summary>What one run of the command line gave: its exit code and what it wrote to each writer.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}{Environment.NewLine}--- output ---{Environment.NewLine}{Output}--- error ---{Environment.NewLine}{Error}";
}

/// <summary>Runs <c>usync</c> in-process, as a CI job would (plain output, no terminal).</summary>
public static class UsyncCli
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await UsyncCommandLine.RunAsync(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs and asserts the exit code, showing everything the command wrote when it differs.</summary>
    public static async Task<CliRun> RunExpectingAsync(int exitCode, params string[] args)
    {
        var run = await RunAsync(args);
        Assert.True(run.ExitCode == exitCode, $"usync {string.Join(' ', args)}: expected exit {exitCode}, got {run}");
        return run;
    }
}
