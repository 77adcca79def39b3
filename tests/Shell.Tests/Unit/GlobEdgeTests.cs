using static CSharpFrontend.Shell.Tests.Unit.Expand;

namespace CSharpFrontend.Shell.Tests.Unit;

/// <summary>
/// Pattern modifiers at the edges the glob code decides, each as BuildKit v0.24.0's <c>dockerfile2llb</c> expands it
/// (<c>ENV A=… B=${A…}</c>, the image config's <c>Env</c>): a suffix pattern must end the value, <c>//</c> replaces
/// non-overlapping matches, a replacement's <c>${0</c> without its brace stays literal (Go's <c>Regexp.Expand</c>),
/// and <c>?</c> matches NUL like any character but a newline.
/// </summary>
public sealed class GlobEdgeTests
{
    [Theory]
    [InlineData("${A%b}", "abc")]
    [InlineData("${A%c}", "ab")]
    [InlineData("${A%%*b}", "abc")]
    [InlineData("${A%a}", "abc")]
    [InlineData("${A#b}", "abc")]
    public void ASuffixOrPrefixPatternMustTouchTheEnd(string input, string expected) =>
        Assert.Equal(expected, Word(input, "A=abc"));

    [Theory]
    [InlineData("${A//aa/X}", "Xa")]
    [InlineData("${A//a/Y}", "YYY")]
    public void EveryMatchReplacedDoesNotOverlapTheLast(string input, string expected) =>
        Assert.Equal(expected, Word(input, "A=aaa"));

    [Theory]
    [InlineData("${A//a/${B}}", "${0")]
    [InlineData("${A//a/${C}}", "${x")]
    [InlineData("${A//a/<${B}>}", "<${0>")]
    public void AnUnclosedBraceInTheReplacementIsLiteral(string input, string expected) =>
        Assert.Equal(expected, Word(input, "A=a", "B=${0", "C=${x"));

    [Theory]
    [InlineData("${A#?}", "b")]
    [InlineData("${A/?/x}", "xb")]
    public void AnyCharacterMatchesNul(string input, string expected) =>
        Assert.Equal(expected, Word(input, "A=\0b"));
}
