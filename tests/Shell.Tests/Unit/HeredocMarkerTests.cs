using static CSharpFrontend.Shell.Tests.Unit.Expand;

namespace CSharpFrontend.Shell.Tests.Unit;

/// <summary>
/// <c>&lt;&lt;</c> and the blanks after it stay one raw piece of the word (upstream lex.go
/// <c>processPossibleHeredoc</c>: the blanks are <c>isWhitespace</c>, i.e. tab, carriage return and space only).
/// </summary>
public sealed class HeredocMarkerTests
{
    [Theory]
    [InlineData("cat <<\tEOF", "cat|<<\tEOF")]
    [InlineData("cat <<\r EOF x", "cat|<<\r EOF|x")]
    [InlineData("cat << \t\rEOF", "cat|<< \t\rEOF")]
    [InlineData("cat <<\vEOF", "cat|<<|EOF")]
    [InlineData("cat <<\u00a0EOF", "cat|<<|EOF")]
    [InlineData("a<<", "a<<")]
    [InlineData("a <", "a|<")]
    [InlineData("a<b", "a<b")]
    public void BlanksAfterTheMarkerDoNotSplit(string input, string expected) =>
        Assert.Equal(expected, string.Join('|', Words(input)));

    [Theory]
    [InlineData("<<\t$A", "<<\ta")]
    [InlineData("<$A<", "<a<")]
    public void TheMarkerIsKeptInAWord(string input, string expected) => Assert.Equal(expected, Word(input, "A=a"));
}
