using static CSharpFrontend.Shell.Tests.Unit.Expand;

namespace CSharpFrontend.Shell.Tests.Unit;

public sealed class WordSplittingTests
{
    [Theory]
    [InlineData("a b\tc\nd", "a|b|c|d")]
    [InlineData("  a  ", "a")]
    [InlineData("", "")]
    [InlineData("\"\"", "")]
    [InlineData("'' a", "a")]
    [InlineData("$S", "x|y")]
    [InlineData("\"$S\"", " x  y ")]
    [InlineData("a$S", "a|x|y")]
    [InlineData("a\\ b", "a b")]
    [InlineData("a\u00a0b\u3000c", "a|b|c")]
    [InlineData("cat <<  EOF", "cat|<<  EOF")]
    [InlineData("cat <<-EOF x", "cat|<<-EOF|x")]
    [InlineData("a < b", "a|<|b")]
    [InlineData("${U:-x y}", "x|y")]
    [InlineData("a ${U:-b}", "a|b")]
    public void SplitsUnquotedWhiteSpace(string input, string expected) =>
        Assert.Equal(expected, string.Join('|', Words(input, "S= x  y ")));

    [Fact]
    public void ProcessWordKeepsWhiteSpace() => Assert.Equal("a  x  y  b", Word("a $S b", "S= x  y "));

    /// <summary>
    /// Upstream quirk, reproduced on purpose: the text of the current word before a <c>${VAR op word}</c>
    /// expression is dropped by ProcessWords (not by ProcessWord). <c>${VAR}</c> and <c>$VAR</c> are unaffected.
    /// </summary>
    [Theory]
    [InlineData("abc${U:-def}", "def")]
    [InlineData("abc\"${U:-def}\"", "def")]
    [InlineData("ab c${A/1/2}d", "ab|2d")]
    [InlineData("abc${A}def", "abc1def")]
    [InlineData("abc$A", "abc1")]
    public void WordPrefixBeforeModifierIsDropped(string input, string expected)
    {
        Assert.Equal(expected, string.Join('|', Words(input, "A=1")));
        Assert.DoesNotContain("|", Word(input, "A=1"));
    }
}
