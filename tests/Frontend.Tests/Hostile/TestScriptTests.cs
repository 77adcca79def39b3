using System.Text;
using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Frontend.Tests.Hostile;

/// <summary>Issue 14 item 13: scripts/test.sh in a clone without the reference corpus says what to set, once, up front.</summary>
public sealed class TestScriptTests
{
    [Fact]
    public void AMissingCorpusIsNamedBeforeAnythingRuns()
    {
        var result = CliProcess.RunShell("CONFORMANCE_DIR=/nonexistent/corpus bash scripts/test.sh", TestPaths.RepoRoot);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("/nonexistent/corpus/cases does not exist", result.Stderr);
        Assert.Contains("Set CONFORMANCE_DIR to the directory holding cases", result.Stderr);
        Assert.DoesNotContain("DirectoryNotFoundException", result.Stderr);
        Assert.Equal("not run: reference material missing\n0 skipped, 0 passed, 0 failed", Encoding.UTF8.GetString(result.Stdout).Trim());
    }
}
