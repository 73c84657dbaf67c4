using IcssiCms.UnitTests.Support;
using IcssiCms.Usync.Cli;

namespace IcssiCms.UnitTests.Cli;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly TempUsyncFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_Hub_Folder_Is_Valid()
    {
        var run = await UsyncCli.RunExpectingAsync(ExitCodes.Success, "validate", HubFolder.Path);

        Assert.Contains($"valid, {HubFolder.Set.Files.Count} files", run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Every_Problem_Is_Listed_With_Its_File_And_Line_And_Counted()
    {
        _folder.Replace("Content/karibu-foundation.config", "<Trashed>false</Trashed>", "<Trashed>false</Trashed");
        _folder.Replace("Content/un-ponte-per.config", "</Properties>", "</Propertys>");

        var run = await UsyncCli.RunExpectingAsync(ExitCodes.Refused, "validate", _folder.Path);

        var problems = ProblemAssert.ProblemsOf(_folder.Path);
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Source.File == "Content/karibu-foundation.config");
        Assert.Contains(problems, p => p.Source.File == "Content/un-ponte-per.config");
        foreach (var problem in problems)
        {
            Assert.True(problem.Source.Line > 0, problem.ToString());
            Assert.Contains($"{problem.Source.File}:{problem.Source.Line}: {problem.Message}", run.Output, StringComparison.Ordinal);
        }

        Assert.Contains("2 problems", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Dangling_Reference_Is_Listed_At_Its_Line()
    {
        const string file = "ContentTypes/partner.config";
        const string definition = "<Definition>c6bac0dd-4ab9-45b1-8e30-e4b619ee5da3</Definition>";
        var line = _folder.LineOf(file, definition);
        _folder.Replace(file, definition, "<Definition>00000000-0000-0000-0000-0000000000aa</Definition>");

        var run = await UsyncCli.RunExpectingAsync(ExitCodes.Refused, "validate", _folder.Path);

        var problems = ProblemAssert.ProblemsOf(_folder.Path);
        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Contains(p.ToString(), run.Output, StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Source.File == file && p.Source.Line > 0 && p.Source.Line <= line);
    }

    [Fact]
    public async Task A_Folder_That_Does_Not_Exist_Is_A_Problem()
    {
        var missing = Path.Combine(_folder.Root, "nothing-here");

        var run = await UsyncCli.RunExpectingAsync(ExitCodes.Refused, "validate", missing);

        Assert.Contains("does not exist", run.Output, StringComparison.Ordinal);
    }
}
