using IcssiCms.Usync;
using IcssiCms.Usync.Model;
using IcssiCms.Usync.Validation;

namespace IcssiCms.UnitTests.Support;

public static class ProblemAssert
{
    /// <summary>What a strict import reports for a folder: the reader's problems, then (when it read cleanly) the validator's.</summary>
    public static IReadOnlyList<UsyncProblem> ProblemsOf(string folder)
    {
        var read = new UsyncFolderReader().Read(folder);
        return read.IsValid ? new UsyncSetValidator().Validate(read.Set) : read.Problems;
    }

    /// <summary>The validator's problems for a folder that reads cleanly (fails the test if it does not).</summary>
    public static IReadOnlyList<UsyncProblem> ValidationProblemsOf(string folder)
    {
        var read = new UsyncFolderReader().Read(folder);
        Assert.True(read.IsValid, "The folder should read cleanly, but: " + Describe(read.Problems));
        return new UsyncSetValidator().Validate(read.Set);
    }

    /// <summary>Asserts a problem names the file and line and says each of <paramref name="fragments"/>; returns it.</summary>
    public static UsyncProblem Has(IReadOnlyList<UsyncProblem> problems, string file, int line, params string[] fragments)
    {
        var match = problems.FirstOrDefault(p =>
            p.Source.File == file && p.Source.Line == line && fragments.All(f => p.Message.Contains(f, StringComparison.Ordinal)));
        if (match is null)
        {
            Assert.Fail($"Expected a problem at {file}:{line} saying [{string.Join(" | ", fragments)}], but got: {Describe(problems)}");
        }

        return match;
    }

    /// <summary>Asserts the only problem is the expected one.</summary>
    public static UsyncProblem HasOnly(IReadOnlyList<UsyncProblem> problems, string file, int line, params string[] fragments)
    {
        var problem = Has(problems, file, line, fragments);
        Assert.True(problems.Count == 1, "Expected only one problem, but got: " + Describe(problems));
        return problem;
    }

    public static string Describe(IEnumerable<UsyncProblem> problems)
    {
        var list = problems.Select(p => p.ToString()).ToList();
        return list.Count == 0 ? "no problems" : Environment.NewLine + string.Join(Environment.NewLine, list);
    }
}
