namespace CSharpFrontend.Shell.Tests.Unit;

/// <summary>
/// Which characters split words (upstream: Go's <c>unicode.IsSpace</c>). Each row is what BuildKit v0.24.0's
/// <c>dockerfile2llb</c> does with <c>ENV P="80&lt;c&gt;443"</c> then <c>EXPOSE $P</c> (EXPOSE expands with
/// <c>ProcessWords</c>): ports 80 and 443 when the character splits, an invalid port when it does not.
/// </summary>
public sealed class SplittingSpacesTests
{
    [Theory]
    [InlineData(0x09)]
    [InlineData(0x0b)]
    [InlineData(0x0c)]
    [InlineData(0x0d)]
    [InlineData(0x20)]
    [InlineData(0x85)]
    [InlineData(0xa0)]
    [InlineData(0x1680)]
    [InlineData(0x2000)]
    [InlineData(0x2005)]
    [InlineData(0x200a)]
    [InlineData(0x2028)]
    [InlineData(0x2029)]
    [InlineData(0x202f)]
    [InlineData(0x205f)]
    [InlineData(0x3000)]
    public void TheseSplit(int space) =>
        Assert.Equal(["80", "443"], Expand.Words("$P", "P=80" + (char)space + "443"));

    [Theory]
    [InlineData(0x1c)]
    [InlineData(0x1f)]
    [InlineData(0xff)]
    [InlineData(0x180e)]
    [InlineData(0x1fff)]
    [InlineData(0x200b)]
    [InlineData(0x2027)]
    [InlineData(0x2060)]
    [InlineData(0xfeff)]
    public void TheseDoNot(int other)
    {
        string value = "80" + (char)other + "443";
        Assert.Equal([value], Expand.Words("$P", "P=" + value));
    }
}
