namespace CSharpFrontend.Shell.Tests.Unit;

/// <summary>
/// Code points at the edges of the UTF-16 handling, each checked with v0.24.0's <c>dockerfile2llb</c>
/// (<c>LABEL x=WORD</c>: the label's value, or the error), and the lone surrogates only C# strings can hold.
/// </summary>
public sealed class CodePointEdgeTests
{
    private static string Message(string word)
    {
        Assert.False(new ShellLexer().TryProcessWord(word, ShellEnvironment.FromPairs(["A=1"]), out _, out var error));
        return error!.Message;
    }

    [Theory]
    [InlineData("a\0b")]
    [InlineData("\U00010000x")]
    [InlineData("\U0010FFFF")]
    public void CharactersArePassedThrough(string word) => Assert.Equal(word, Expand.Word(word));

    [Theory]
    [InlineData("'", "failed to process \"'\": unexpected end of statement while looking for matching single-quote")]
    [InlineData("\"", "failed to process \"\\\"\": unexpected end of statement while looking for matching double-quote")]
    [InlineData("${A\0}", "failed to process \"${A\\x00}\": unsupported modifier (\0) in substitution")]
    [InlineData("${A:\U00010000}", "failed to process \"${A:\U00010000}\": unsupported modifier (:\U00010000) in substitution")]
    [InlineData("\"a\U00030000${\"", "failed to process \"\\\"a\U00030000${\\\"\": unsupported modifier (\") in substitution")]
    [InlineData("\"a\U000E0100${\"", "failed to process \"\\\"a\U000E0100${\\\"\": unsupported modifier (\") in substitution")]
    [InlineData("\"a\U00010000${\"", "failed to process \"\\\"a\U00010000${\\\"\": unsupported modifier (\") in substitution")]
    public void MessagesAsV024PrintsThem(string word, string message) => Assert.Equal(message, Message(word));

    /// <summary>
    /// A lone surrogate (no Go string holds one) is a code point of its own for the shell: kept in the value, and
    /// escaped as <c>\udxxx</c> in a message (GoQuoting's documented <c>escapeLoneSurrogates</c>).
    /// </summary>
    /// <remarks>A fact, not a theory: xunit's serialized theory data does not keep lone surrogates.</remarks>
    [Fact]
    public void LoneSurrogatesAreEscapedInMessages()
    {
        Assert.Equal("failed to process \"\\\"\\ud800${\\\"\": unsupported modifier (\") in substitution", Message("\"\ud800${\""));
        Assert.Equal("failed to process \"\\\"\\udc00${\\\"\": unsupported modifier (\") in substitution", Message("\"\udc00${\""));
        Assert.Equal(
            "failed to process \"\\\"a\\udc00\\ud800${\\\"\": unsupported modifier (\") in substitution",
            Message("\"a\udc00\ud800${\""));
        Assert.Equal(
            "failed to process \"'\\ud800\": unexpected end of statement while looking for matching single-quote",
            Message("'\ud800"));
    }

    [Fact]
    public void LoneSurrogatesArePassedThrough() => Assert.Equal("a\ud800b\udc00", Expand.Word("a\ud800b\udc00"));

    [Fact]
    public void ArgumentErrorsSayWhatIsAllowed()
    {
        Assert.StartsWith("The escape token must be '\\' or '`'.", Assert.Throws<ArgumentOutOfRangeException>(() => new ShellLexer('x')).Message);
        Assert.StartsWith("The nesting limit must be at least 1.", Assert.Throws<ArgumentOutOfRangeException>(() => new ShellLexerOptions { MaxNestingDepth = 0 }).Message);
    }
}
