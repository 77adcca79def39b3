namespace CSharpFrontend.Shell.Tests.Unit;

/// <summary>
/// The public surface around the lexer: environments built like upstream's <c>shell.EnvsFromSlice</c> (the name up to
/// the first <c>=</c>, the rest the value, none for an entry without <c>=</c>, a later entry replacing an earlier),
/// argument checks and option limits as documented.
/// </summary>
public sealed class ApiContractTests
{
    [Fact]
    public void PairsSplitAtTheFirstEqualsSign()
    {
        var env = ShellEnvironment.FromPairs(["A=b=c", "E", "D=1", "D=2", "=x"]);
        Assert.True(env.TryGetValue("A", out var a));
        Assert.Equal("b=c", a);
        Assert.True(env.TryGetValue("E", out var e));
        Assert.Equal("", e);
        Assert.True(env.TryGetValue("D", out var d));
        Assert.Equal("2", d);
        Assert.True(env.TryGetValue("", out var blank));
        Assert.Equal("x", blank);
        Assert.False(env.TryGetValue("a", out _));
    }

    [Fact]
    public void ADictionaryIsCopied()
    {
        var source = new Dictionary<string, string> { ["A"] = "1" };
        var env = ShellEnvironment.FromDictionary(source);
        source["A"] = "2";
        source["B"] = "3";
        Assert.True(env.TryGetValue("A", out var a));
        Assert.Equal("1", a);
        Assert.False(env.TryGetValue("B", out _));
        Assert.False(ShellEnvironment.Empty.TryGetValue("A", out _));
    }

    [Fact]
    public void NullArgumentsAreRefused()
    {
        var lexer = new ShellLexer();
        Assert.Throws<ArgumentNullException>(() => ShellEnvironment.FromPairs(null!));
        Assert.Throws<ArgumentNullException>(() => ShellEnvironment.FromDictionary(null!));
        Assert.Throws<ArgumentNullException>(() => lexer.ProcessWord(null!, ShellEnvironment.Empty));
        Assert.Throws<ArgumentNullException>(() => lexer.ProcessWords(null!, ShellEnvironment.Empty));
        Assert.Throws<ArgumentNullException>(() => lexer.ProcessWord("a", (IShellEnvironment)null!));
        Assert.Throws<ArgumentNullException>(() => lexer.ProcessWord("a", (IReadOnlyDictionary<string, string>)null!));
        Assert.Throws<ArgumentNullException>(() => lexer.ProcessWords("a", (IReadOnlyDictionary<string, string>)null!));
        Assert.Throws<ArgumentNullException>(() => new ShellExpansionException(null!));
    }

    [Fact]
    public void TheLexerKeepsItsEscapeAndOptions()
    {
        var plain = new ShellLexer();
        Assert.Equal('\\', plain.EscapeToken);
        Assert.Same(ShellLexerOptions.Default, plain.Options);
        var options = new ShellLexerOptions { SkipUnsetEnv = true };
        var backtick = new ShellLexer('`', options);
        Assert.Equal('`', backtick.EscapeToken);
        Assert.Same(options, backtick.Options);
    }

    [Fact]
    public void DefaultOptionsArePlainExpansion()
    {
        var options = ShellLexerOptions.Default;
        Assert.True(options.PatternModifiers);
        Assert.False(options.SkipUnsetEnv);
        Assert.False(options.SkipProcessQuotes);
        Assert.False(options.RawQuotes);
        Assert.False(options.RawEscapes);
        Assert.Null(options.Budget);
        Assert.Equal(1000, options.MaxNestingDepth);
    }

    [Fact]
    public void ANestingLimitOfOneAllowsOneLevel()
    {
        var lexer = new ShellLexer('\\', new ShellLexerOptions { MaxNestingDepth = 1 });
        Assert.Equal("x", lexer.ProcessWord("${a:-x}", ShellEnvironment.Empty).Value);
        Assert.Equal("xyz", lexer.ProcessWord("${a:-x}${b:-y}\"${c:-z}\"", ShellEnvironment.Empty).Value);
        var error = Assert.Throws<ShellExpansionException>(() => lexer.ProcessWord("${a:-${b:-x}}", ShellEnvironment.Empty));
        Assert.Equal("syntax error: substitutions nested more than 1 levels deep", error.Reason);
    }

    /// <summary>Too deep a nesting stays the error even when the word is also unterminated.</summary>
    [Fact]
    public void TooDeepIsNotReplacedByAMissingBrace()
    {
        var lexer = new ShellLexer('\\', new ShellLexerOptions { MaxNestingDepth = 1 });
        var error = Assert.Throws<ShellExpansionException>(() => lexer.ProcessWord("${a:-${b:-x", ShellEnvironment.Empty));
        Assert.Equal("syntax error: substitutions nested more than 1 levels deep", error.Reason);
    }
}
