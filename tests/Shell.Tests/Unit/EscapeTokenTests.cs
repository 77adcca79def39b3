namespace CSharpFrontend.Shell.Tests.Unit;

public sealed class EscapeTokenTests
{
    private static readonly ShellLexer Backtick = new('`');
    private static readonly IShellEnvironment Env = ShellEnvironment.FromPairs(["b=X", "P=`ab*c"]);

    [Theory]
    [InlineData("a`$b", "a$b")]
    [InlineData("a\\$b", "a\\X")]
    [InlineData("c:\\windows\\$b", "c:\\windows\\X")]
    [InlineData("a``b", "a`b")]
    [InlineData("a`", "a")]
    [InlineData("a` b", "a b")]
    [InlineData("\"a`\"b\"", "a\"b")]
    [InlineData("\"a``b\"", "a`b")]
    [InlineData("\"a`$b\"", "a$b")]
    [InlineData("\"a`tb\"", "a`tb")]
    [InlineData("\"a\\\"", "a\\")]
    [InlineData("'a`'", "a`")]
    [InlineData("${U:-`}}", "}")]
    [InlineData("${P#`*}", "ab*c")]
    [InlineData("${P%`*c}", "")]
    public void BacktickEscapes(string input, string expected) =>
        Assert.Equal(expected, Backtick.ProcessWord(input, Env).Value);

    [Fact]
    public void PatternEscapesStayBackslashes() =>
        Assert.Equal("invalid pattern (\\`*) in substitution: invalid escape '\\`'",
            Assert.Throws<ShellExpansionException>(() => Backtick.ProcessWord("${P#\\`*}", Env)).Reason);

    [Fact]
    public void BacktickEscapedSpaceJoinsWords() =>
        Assert.Equal(["a b", "c"], Backtick.ProcessWords("a` b c", Env).Words);

    [Fact]
    public void BackslashIsLiteralInWords() =>
        Assert.Equal(["a\\", "b"], Backtick.ProcessWords("a\\ b", Env).Words);
}
