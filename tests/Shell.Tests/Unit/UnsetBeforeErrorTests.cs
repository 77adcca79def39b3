namespace CSharpFrontend.Shell.Tests.Unit;

/// <summary>
/// A failed expansion still tells which names it found unset before it failed, as upstream's <c>ProcessWord</c>
/// returns its unmatched map with the error (v0.24.0's <c>dockerfile2llb -lint</c> reports UndefinedVar for
/// <c>$U0</c> and <c>U1</c> of <c>COPY $U0${U1:?x} /</c> before the error); a word that fails before it looks a name up has none (each row checked with <c>dockerfile2llb</c>).
/// </summary>
public sealed class UnsetBeforeErrorTests
{
    [Theory]
    [InlineData("$U0${U1:?x}", "U0,U1", "U1: x")]
    [InlineData("$U0\"abc", "U0", "unexpected end of statement while looking for matching double-quote")]
    [InlineData("${A:?}$U0", "", "A: is not allowed to be empty")]
    public void TheErrorCarriesTheNamesFoundUnset(string word, string unset, string reason)
    {
        var lexer = new ShellLexer();
        var env = new Dictionary<string, string> { ["A"] = "" };
        Assert.False(lexer.TryProcessWord(word, ShellEnvironment.FromDictionary(env), out _, out var error));
        Assert.Equal(reason, error.Reason);
        Assert.Equal(unset.Length == 0 ? [] : unset.Split(','), error.UnsetVariables.Order(StringComparer.Ordinal));
    }
}
