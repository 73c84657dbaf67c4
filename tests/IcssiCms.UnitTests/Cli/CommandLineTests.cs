using IcssiCms.Usync.Cli;

namespace IcssiCms.UnitTests.Cli;

/// <summary>What every command shares: help with its exit codes, and usage errors with their own code.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("validate", "the folder has problems")]
    [InlineData("plan", "changes to apply, some destructive")]
    [InlineData("apply", "--allow-destructive was not given")]
    [InlineData("export", "exported")]
    public async Task Every_Command_Has_Help_With_Its_Exit_Codes(string command, string exitCodeLine)
    {
        var run = await UsyncCli.RunExpectingAsync(ExitCodes.Success, command, "--help");

        Assert.Contains($"usync {command}", run.Output, StringComparison.Ordinal);
        Assert.Contains("Exit codes", run.Output, StringComparison.Ordinal);
        Assert.Contains(exitCodeLine, run.Output, StringComparison.Ordinal);
        Assert.Contains("64  wrong arguments", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Root_Help_Lists_The_Commands_And_Every_Exit_Code()
    {
        var run = await UsyncCli.RunExpectingAsync(ExitCodes.Success, "--help");

        Assert.All(["validate", "plan", "apply", "export"], c => Assert.Contains(c, run.Output, StringComparison.Ordinal));
        Assert.All(["0 ", "1 ", "2 ", "3 ", "4 ", "5 ", "64 "], c => Assert.Contains("  " + c, run.Output, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("plan", "uSync/v17", "--json")]
    [InlineData("apply", "--site", "http://127.0.0.1:5080/")]
    [InlineData("export", "one-folder", "another-folder")]
    [InlineData("frobnicate")]
    [InlineData]
    public async Task Wrong_Arguments_Exit_With_The_Usage_Code_And_Point_At_Help(params string[] args)
    {
        var run = await UsyncCli.RunExpectingAsync(ExitCodes.Usage, args);

        Assert.Contains("--help' for usage", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output.Trim());
    }

    [Theory]
    [InlineData("plan")]
    [InlineData("export")]
    public async Task Without_A_Site_A_Command_Says_How_To_Name_One(string command)
    {
        var run = await UsyncCli.RunExpectingAsync(ExitCodes.Error, command, "uSync/v17");

        Assert.Contains("No site: give --site <url> or set USYNC_SITE", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Exit_Codes_Do_Not_Collide()
    {
        int[] codes = [ExitCodes.Success, ExitCodes.Refused, ExitCodes.Changes, ExitCodes.DestructiveChanges, ExitCodes.DestructiveRefused, ExitCodes.Error, ExitCodes.Usage];

        Assert.Equal(codes.Length, codes.Distinct().Count());
    }
}
