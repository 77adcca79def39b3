using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Frontend.Tests;

/// <summary><c>csharp-frontend parse</c> as a process: the reference parser's dump, or a located error.</summary>
public sealed class ParseCommandTests
{
    /// <summary>By default the v0.24.0 dump (ENV/LABEL with their separator); <c>--compat v0.11</c> gives v0.11.6's.</summary>
    [Theory]
    [InlineData("v0.24", "parser-flags")]
    [InlineData("v0.24", "parser-escape-with-syntax")]
    [InlineData("v0.24", "hand-mounts-all")]
    [InlineData("v0.24", "bk-convert-L29")]
    [InlineData("v0.11", "bk-convert-L29")]
    [InlineData("v0.11", "hand-mounts-all")]
    public void PrintsTheReferenceDump(string corpusName, string caseName)
    {
        var corpus = ReferenceCorpus.Named(corpusName);
        string[] args = corpusName == "v0.24"
            ? ["parse", Path.Combine(corpus.CaseDir(caseName), "Dockerfile")]
            : ["parse", "--compat", corpusName, Path.Combine(corpus.CaseDir(caseName), "Dockerfile")];
        var result = CliProcess.Run("", args);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllText(corpus.Expected(caseName, "ast.txt")), System.Text.Encoding.UTF8.GetString(result.Stdout));
    }

    [Fact]
    public void AnUnknownCompatReleaseIsRefused()
    {
        var result = CliProcess.Run("FROM alpine\n", "parse", "--compat", "v0.9", "-");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--compat: unknown release \"v0.9\"; expected one of v0.24, v0.11", result.Stderr);
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
