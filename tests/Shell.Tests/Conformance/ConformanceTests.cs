using Xunit.Abstractions;

namespace CSharpFrontend.Shell.Tests.Conformance;

/// <summary>BuildKit's shell conformance vectors, one test case per line.</summary>
public sealed class ConformanceTests(ITestOutputHelper output)
{
    private static readonly ShellLexer Lexer = new('\\');

    [Theory]
    [MemberData(nameof(EnvVarRows))]
    public void EnvVarTest(int line, string platform, string input, string expected)
    {
        Assert.True(platform is "A" or "U", $"line {line}");
        Assert.Equal(expected, RunEnvVar(input));
    }

    [Theory]
    [MemberData(nameof(WordsRows))]
    public void WordsTest(int line, string input, string expected, string[] environment)
    {
        Assert.True(line > 0);
        Assert.Equal(expected, RunWords(input, environment));
    }

    [Fact]
    public void EnvVarTest_Totals()
    {
        var all = EnvVarVectors.All();
        var unix = EnvVarVectors.Unix().ToList();
        int passed = unix.Count(v => RunEnvVar(v.Input) == v.Expected);
        output.WriteLine($"envVarTest: {passed}/{unix.Count} unix vectors pass ({all.Count - unix.Count} windows-only skipped)");
        Assert.True(unix.Count > 200, "envVarTest seems truncated");
        Assert.Equal(unix.Count, passed);
    }

    [Fact]
    public void WordsTest_Totals()
    {
        var all = WordsVectors.All();
        int passed = all.Count(v => RunWords(v.Input, v.Environment) == string.Join(',', v.Expected));
        output.WriteLine($"wordsTest: {passed}/{all.Count} vectors pass");
        Assert.True(all.Count > 20, "wordsTest seems truncated");
        Assert.Equal(all.Count, passed);
    }

    public static IEnumerable<object[]> EnvVarRows() => EnvVarVectors.Rows();

    public static IEnumerable<object[]> WordsRows() => WordsVectors.Rows();

    private static string RunEnvVar(string input) =>
        Lexer.TryProcessWord(input, ShellEnvironment.FromDictionary(EnvVarVectors.Environment), out var result, out _)
            ? result.Value
            : "error";

    private static string RunWords(string input, string[] environment) =>
        Lexer.TryProcessWords(input, ShellEnvironment.FromPairs(environment), out var result, out _)
            ? string.Join(',', result.Words)
            : "error";
}
