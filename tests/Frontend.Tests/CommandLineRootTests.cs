using System.Text;

namespace CSharpFrontend.Frontend.Tests;

/// <summary>
/// The command line parses an ordinary invocation under a root without System.CommandLine's help and version
/// options (src/Frontend/Cli/CommandTree.cs); these are the invocations that must still reach them.
/// </summary>
public sealed class CommandLineRootTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    [InlineData("/?")]
    [InlineData("/h")]
    public void EveryHelpSpellingPrintsTheCommandsHelp(string help)
    {
        var result = CliProcess.Run("", "lint", help);
        Assert.True(result.ExitCode == 0, result.Stderr);
        string stdout = Encoding.UTF8.GetString(result.Stdout);
        Assert.Contains("Usage:\n  csharp-frontend lint [<FILE>...] [options]", stdout.Replace("\r\n", "\n"));
        // System.CommandLine's own text for its help option, from its resources.
        Assert.Contains("-?, -h, --help", stdout);
        Assert.Contains("Show help and usage information", stdout);
    }

    [Fact]
    public void TheRootsHelpListsEveryCommandAndTheVersionOption()
    {
        var result = CliProcess.Run("", "--help");
        Assert.True(result.ExitCode == 0, result.Stderr);
        string stdout = Encoding.UTF8.GetString(result.Stdout);
        foreach (var command in new[] { "parse", "translate", "lint", "targets", "outline", "resolve", "dump" })
        {
            Assert.Contains("\n  " + command + " ", stdout);
        }

        Assert.Contains("--version", stdout);
        Assert.Contains("Show version information", stdout);
    }

    [Fact]
    public void VersionPrintsTheInformationalVersion()
    {
        var result = CliProcess.Run("", "--version");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Matches(@"^\d+\.\d+\.\d+", Encoding.UTF8.GetString(result.Stdout));
    }

    [Fact]
    public void AHelpTokenAfterOtherArgumentsStillMeansHelp()
    {
        // Under System.CommandLine's root "-h" is its option wherever it stands; it is never taken as a file.
        var result = CliProcess.Run("FROM scratch\n", "lint", "--format", "json", "-h");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("Usage:", Encoding.UTF8.GetString(result.Stdout));
    }

    [Fact]
    public void AnOrdinaryInvocationRunsTheCommand()
    {
        var result = CliProcess.Run("FROM scratch\nCOPY a b\n", "lint", "--format", "json", "-");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("\"warnings\"", Encoding.UTF8.GetString(result.Stdout));
    }

    /// <summary>An ordinary invocation builds only the command it names: each must be found under its own name.</summary>
    [Theory]
    [InlineData("parse", "-")]
    [InlineData("translate", "-")]
    [InlineData("lint", "--format", "json", "-")]
    [InlineData("targets", "-")]
    [InlineData("outline", "--json", "-")]
    public void EachCommandNamedFirstRuns(params string[] args)
    {
        var result = CliProcess.Run("FROM scratch\nCOPY a b\n", args);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.NotEmpty(result.Stdout);
    }

    [Fact]
    public void AnUnknownCommandIsAUsageErrorUnderTheWholeRoot()
    {
        var result = CliProcess.Run("", "lnt", "Dockerfile");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'lnt'", result.Stderr);
        Assert.Contains("lint", result.Stderr);
    }

    [Fact]
    public void AMissingOptionValueIsAUsageErrorWithSystemCommandLinesText()
    {
        var result = CliProcess.Run("", "lint", "--format");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Required argument missing for option: '--format'.", result.Stderr);
    }
}
