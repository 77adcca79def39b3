using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Frontend.Tests;

/// <summary><c>csharp-frontend parse</c> as a process: the reference parser's dump, or a located error.</summary>
public sealed class ParseCommandTests
{
    [Theory]
    [InlineData("parser-flags")]
    [InlineData("parser-escape-with-syntax")]
    [InlineData("hand-mounts-all")]
    public void PrintsTheReferenceDump(string caseName)
    {
        var dir = Path.Combine(TestPaths.CasesDir, caseName);
        var result = CliProcess.Run("", "parse", Path.Combine(dir, "Dockerfile"));
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "expected", "ast.txt")), System.Text.Encoding.UTF8.GetString(result.Stdout));
    }

    [Fact]
    public void SyntaxErrorWritesNothingAndPointsAtTheLine()
    {
        var result = CliProcess.Run("FROM alpine\nRUN <<EOF\necho\n", "parse", "-");
        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains("<stdin>:2:", result.Stderr);
        Assert.Contains("unterminated heredoc", result.Stderr);
    }
}
