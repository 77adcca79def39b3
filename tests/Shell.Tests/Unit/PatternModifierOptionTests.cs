namespace CSharpFrontend.Shell.Tests.Unit;

/// <summary>With pattern modifiers off, <c>#</c>, <c>%</c> and <c>/</c> are unsupported modifiers, as in BuildKit v0.11.</summary>
public sealed class PatternModifierOptionTests
{
    private static readonly IReadOnlyDictionary<string, string> Env = new Dictionary<string, string> { ["V"] = "a.b.c" };

    [Theory]
    [InlineData("${V#*.}", "(#)")]
    [InlineData("${V##*.}", "(#)")]
    [InlineData("${V%.*}", "(%)")]
    [InlineData("${V/./-}", "(/)")]
    [InlineData("${V//./-}", "(/)")]
    public void PatternModifiersCanBeTurnedOff(string word, string modifier)
    {
        var lexer = new ShellLexer('\\', new ShellLexerOptions { PatternModifiers = false });
        var ex = Assert.Throws<ShellExpansionException>(() => lexer.ProcessWord(word, Env));
        Assert.Equal($"unsupported modifier {modifier} in substitution", ex.Reason);
    }

    [Fact]
    public void OtherModifiersStillWork()
    {
        var lexer = new ShellLexer('\\', new ShellLexerOptions { PatternModifiers = false });
        Assert.Equal("a.b.c-x", lexer.ProcessWord("${V:-y}-${W:-x}", Env).Value);
        Assert.Equal("b.c", new ShellLexer().ProcessWord("${V#*.}", Env).Value);
    }
}
