namespace CSharpFrontend.Shell.Tests.Unit;

/// <summary>
/// A word without a variable, quote, escape token or heredoc marker expands to itself without an expansion session.
/// Each case is checked against the full expansion of the same word with one special character added where it
/// changes nothing visible (a trailing <c>''</c>), so that the shortcut and the session can be compared.
/// </summary>
public sealed class LiteralWordTests
{
    private static readonly IShellEnvironment Env = ShellEnvironment.FromPairs(["A=abcd"]);

    [Theory]
    [InlineData("plain", '\\')]
    [InlineData("/usr/local/bin:/usr/bin", '\\')]
    [InlineData("a`b", '\\')]
    [InlineData("a\\b", '`')]
    [InlineData("wide 🐳 and lone \ud800 surrogate", '\\')]
    [InlineData("", '\\')]
    [InlineData("x\uFEFF", '\\')]
    public void ALiteralWordExpandsAsTheSessionExpandsIt(string word, char escape)
    {
        var lexer = new ShellLexer(escape);
        var shortcut = lexer.ProcessWord(word, Env);
        var session = lexer.ProcessWord(word + "''", Env);
        Assert.Equal(session.Value, shortcut.Value);
        Assert.Equal(word, shortcut.Value);
        Assert.Empty(shortcut.UsedVariables);
        Assert.Empty(shortcut.UnsetVariables);
    }

    [Theory]
    [InlineData("\uFEFFbom", "bom")]
    [InlineData("a\\b", "ab")]
    [InlineData("a<<b", "a<<b")]
    [InlineData("$A", "abcd")]
    public void AWordWithAnythingTheScannerReadsIsExpanded(string word, string expanded) =>
        Assert.Equal(expanded, new ShellLexer('\\').ProcessWord(word, Env).Value);

    [Fact]
    public void ALiteralWordIsChargedToTheBudget()
    {
        var budget = new ExpansionBudget(10);
        var lexer = new ShellLexer('\\', new ShellLexerOptions { Budget = budget });
        Assert.Equal("abcdef", lexer.ProcessWord("abcdef", Env).Value);
        Assert.Equal(4, budget.Remaining);
        var error = Assert.Throws<ShellExpansionException>(() => lexer.ProcessWord("abcde", Env));
        Assert.StartsWith("expansion result exceeds the limit of 10 characters", error.Reason);
        Assert.Equal(4, budget.Remaining);
    }
}
