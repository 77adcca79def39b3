namespace CSharpFrontend.Shell.Tests.Unit;

public sealed class OptionsTests
{
    private static readonly IShellEnvironment Env = ShellEnvironment.FromPairs(["A=a", "E="]);

    private static ShellLexer With(ShellLexerOptions options) => new('\\', options);

    [Theory]
    [InlineData("$U ${U} $A", "$U ${U} a")]
    [InlineData("${U:-x} ${U-$A} ${U:+y} ${U?} ${U:?m}", "${U:-x} ${U-a} ${U:+y} ${U?} ${U:?m}")]
    [InlineData("${U#x*} ${U%%y} ${U/a/b} ${U//a/b}", "${U#x*} ${U%%y} ${U/a/b} ${U/a/b}")]
    [InlineData("${E:-x}${E:?}", "x")]
    [InlineData("${U:=x}", "${U:=x}")]
    [InlineData("$1", "$1")]
    public void SkipUnsetEnvKeepsReferences(string input, string expected)
    {
        var lexer = With(new ShellLexerOptions { SkipUnsetEnv = true });
        if (expected == "x")
        {
            Assert.Equal("E: is not allowed to be empty",
                Assert.Throws<ShellExpansionException>(() => lexer.ProcessWord(input, Env)).Reason);
            return;
        }

        Assert.Equal(expected, lexer.ProcessWord(input, Env).Value);
    }

    [Fact]
    public void SkipProcessQuotesTreatsQuotesAsText()
    {
        var lexer = With(new ShellLexerOptions { SkipProcessQuotes = true });
        Assert.Equal("'a a'\"", lexer.ProcessWord("'a $A'\"", Env).Value);
        Assert.Equal(["'a", "a'\""], lexer.ProcessWords("'a $A'\"", Env).Words);
    }

    [Fact]
    public void RawQuotesKeepsQuoteCharacters()
    {
        var lexer = With(new ShellLexerOptions { RawQuotes = true });
        Assert.Equal("'a $A'\"b a\"", lexer.ProcessWord("'a $A'\"b $A\"", Env).Value);
        Assert.Equal(["'a $A'\"b a\"", "c"], lexer.ProcessWords("'a $A'\"b $A\" c", Env).Words);
    }

    [Fact]
    public void RawEscapesKeepsEscapeCharacters()
    {
        var lexer = With(new ShellLexerOptions { RawEscapes = true });
        Assert.Equal("a\\ b\\$A", lexer.ProcessWord("a\\ b\\$A", Env).Value);
        Assert.Equal(["a\\ b"], lexer.ProcessWords("a\\ b", Env).Words);
        Assert.Equal("\\\"\\\\t", lexer.ProcessWord("\"\\\"\\t\"", Env).Value);
    }

    [Fact]
    public void RawEscapesInsideQuotesWidenPatterns()
    {
        Assert.Equal("x", Expand.Word("${F#\"\\t\"}", "F=\\tx"));
    }

    [Fact]
    public void LeadingByteOrderMarkIsIgnored() => Assert.Equal("a", Expand.Word("\uFEFF$A", "A=a"));
}
