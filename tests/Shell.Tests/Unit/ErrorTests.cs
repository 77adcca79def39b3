using static CSharpFrontend.Shell.Tests.Unit.Expand;

namespace CSharpFrontend.Shell.Tests.Unit;

public sealed class ErrorTests
{
    [Theory]
    [InlineData("${}", "syntax error: bad substitution")]
    [InlineData("${:}", "syntax error: bad substitution")]
    [InlineData("${{a}", "syntax error: bad substitution")]
    [InlineData("${:-x}", "syntax error: bad substitution")]
    [InlineData("${", "syntax error: missing '}'")]
    [InlineData("x${A:-abc", "syntax error: missing '}'")]
    [InlineData("${A:-'abc}", "syntax error: missing '}'")]
    [InlineData("${A:-${B:-x}", "syntax error: missing '}'")]
    [InlineData("${A:}", "syntax error: missing '}'")]
    [InlineData("${A:", "syntax error: missing '}'")]
    [InlineData("${A:-${}}", "syntax error: bad substitution")]
    [InlineData("${A/abc", "syntax error: missing '/' in ${}")]
    [InlineData("${A/a/b", "syntax error: missing '}'")]
    [InlineData("${A", "unsupported modifier (\uFFFD) in substitution")]
    [InlineData("${A.}", "unsupported modifier (.) in substitution")]
    [InlineData("${.}", "unsupported modifier (.) in substitution")]
    [InlineData("${A→}", "unsupported modifier (→) in substitution")]
    [InlineData("${A😀}", "unsupported modifier (😀) in substitution")]
    [InlineData("${A=x}", "unsupported modifier (=) in substitution")]
    [InlineData("${A:=x}", "unsupported modifier (:=) in substitution")]
    [InlineData("${A:x}", "unsupported modifier (:x) in substitution")]
    [InlineData("${A:}x}", "unsupported modifier (:}) in substitution")]
    [InlineData("${A::-x}", "unsupported modifier (::) in substitution")]
    [InlineData("${A:#x}", "unsupported modifier (:#) in substitution")]
    [InlineData("${A:##x}", "unsupported modifier (:#) in substitution")]
    [InlineData("${A:%x}", "unsupported modifier (:%) in substitution")]
    [InlineData("${A:/a/b}", "unsupported modifier (:/) in substitution")]
    [InlineData("'abc", "unexpected end of statement while looking for matching single-quote")]
    [InlineData("\"abc", "unexpected end of statement while looking for matching double-quote")]
    [InlineData("\"abc\\\"", "unexpected end of statement while looking for matching double-quote")]
    [InlineData("${A#\\x}", "invalid pattern (\\x) in substitution: invalid escape '\\x'")]
    [InlineData("${A%a\\b}", "invalid pattern (\\ba) in substitution: invalid escape '\\b'")]
    [InlineData("${A#$B}", "invalid pattern (\\) in substitution: invalid escape '\\\uFFFD'")]
    [InlineData("${A/\\x/y}", "invalid pattern (\\x) in substitution: invalid escape '\\x'")]
    public void ReasonsMatchUpstream(string input, string reason) => Assert.Equal(reason, Reason(input, "A=abc", "B=\\"));

    [Fact]
    public void MessageCarriesTheQuotedWord()
    {
        var ex = Assert.Throws<ShellExpansionException>(() => Word("a\t\"b\u00a0\u0001"));
        Assert.Equal("failed to process \"a\\t\\\"b\\u00a0\\x01\": unexpected end of statement while looking for matching double-quote", ex.Message);

        ex = Assert.Throws<ShellExpansionException>(() => Word("${X:?}"));
        Assert.Equal("failed to process \"${X:?}\": X: is not allowed to be unset", ex.Message);
        Assert.Equal("X: is not allowed to be unset", ex.Reason);
        Assert.Equal("${X:?}", ex.Error.Word);
    }

    [Fact]
    public void TryVariantsReportErrorsAsValues()
    {
        Assert.False(Backslash.TryProcessWord("${", Env(), out var result, out var error));
        Assert.Null(result);
        Assert.Equal("syntax error: missing '}'", error!.Reason);

        Assert.False(Backslash.TryProcessWords("a '", Env(), out var words, out error));
        Assert.Null(words);
        Assert.Equal("unexpected end of statement while looking for matching single-quote", error!.Reason);
    }

    [Fact]
    public void EscapeTokenIsValidated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShellLexer('x'));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShellLexerOptions { MaxNestingDepth = 0 });
    }
}
