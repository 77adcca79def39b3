using System.Text;

namespace CSharpFrontend.Shell.Tests.Unit;

/// <summary>
/// The word in <c>failed to process %q</c> is quoted as Go's <c>strconv.Quote</c> (Go 1.23 tables) does. Each row is
/// v0.24.0's <c>dockerfile2llb</c> error for <c>LABEL x="a&lt;c&gt;${"</c>: the word <c>"a&lt;c&gt;${"</c> fails with
/// <c>unsupported modifier (") in substitution</c>.
/// </summary>
public sealed class QuotedWordTests
{
    [Theory]
    [InlineData(0x07, "\\a")]
    [InlineData(0x08, "\\b")]
    [InlineData(0x0c, "\\f")]
    [InlineData(0x0b, "\\v")]
    [InlineData(0x0d, "\\r")]
    [InlineData(0x09, "\\t")]
    [InlineData(0x01, "\\x01")]
    [InlineData(0x1f, "\\x1f")]
    [InlineData(0x7f, "\\x7f")]
    [InlineData(0xad, "\\u00ad")]
    [InlineData(0x85, "\\u0085")]
    [InlineData(0xa0, "\\u00a0")]
    [InlineData(0x2028, "\\u2028")]
    [InlineData(0xfeff, "\\ufeff")]
    [InlineData(0xe000, "\\ue000")]
    [InlineData(0x378, "\\u0378")]
    [InlineData(0x897, "\\u0897")]
    [InlineData(0x1b4e, "\\u1b4e")]
    [InlineData(0xf0000, "\\U000f0000")]
    [InlineData(0x10d40, "\\U00010d40")]
    [InlineData(0x13460, "\\U00013460")]
    [InlineData(0x1fa89, "\\U0001fa89")]
    [InlineData(0x1fbef, "\\U0001fbef")]
    [InlineData(0x2ebf0, "\\U0002ebf0")]
    [InlineData(0xe9, "\u00e9")]
    [InlineData(0x1f600, "\U0001F600")]
    [InlineData(0x1fbf0, "\U0001FBF0")]
    [InlineData('"', "\\\\\\\"")]
    public void TheWordIsQuotedAsGoQuotesIt(int codePoint, string quoted)
    {
        string c = codePoint == '"' ? "\\\"" : new Rune(codePoint).ToString();
        string word = "\"a" + c + "${\"";
        Assert.False(new ShellLexer().TryProcessWord(word, ShellEnvironment.Empty, out _, out var error));
        Assert.Equal("failed to process \"\\\"a" + quoted + "${\\\"\": unsupported modifier (\") in substitution", error!.Message);
    }
}
