using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Converter.Tests.Dockerfile;

/// <summary>
/// <c>COPY --chmod</c> as BuildKit v0.24.0 reads it (dockerfile2llb's dispatchCopy: <c>strconv.ParseUint(chmod, 8, 32)</c>,
/// at most <c>0o7777</c>, else dchapes-mode's symbolic <c>mode.Parse</c>). Every expected mode and error below is what
/// v0.24.0's dockerfile2llb printed for the same Dockerfile (its <c>buildctl debug dump-llb</c> of the copy action).
/// </summary>
public sealed class CopyChmodTests
{
    private static ConvertOptions Options => TestConversion.Options;

    private static Pb.FileActionCopy Copy(string chmod) => CopyOf($"FROM scratch\nCOPY --chmod={chmod} a /b\n");

    private static Pb.FileActionCopy CopyOf(string dockerfile)
    {
        var result = TestConversion.Convert(dockerfile);
        var file = Assert.Single(result.Definition.Ops, o => o.Op.OpCase == Pb.Op.OpOneofCase.File).Op.File;
        return Assert.Single(file.Actions).Copy;
    }

    private static string Rejected(string chmod) =>
        Assert.Throws<ConvertException>(() => Copy(chmod)).Message;

    [Theory]
    [InlineData("7777", 4095)]   // every bit up to the sticky bit
    [InlineData("4755", 2541)]   // setuid
    [InlineData("2755", 1517)]   // setgid
    [InlineData("1777", 1023)]   // sticky
    [InlineData("0644", 420)]
    [InlineData("644", 420)]
    [InlineData("000000000000644", 420)]   // leading zeros are free: ParseUint, not a length limit
    [InlineData("0000000000007777", 4095)]
    [InlineData("0", 0)]
    public void AnOctalModeUpTo7777IsTheCopysMode(string chmod, int mode)
    {
        var copy = Copy(chmod);
        Assert.Equal(mode, copy.Mode);
        Assert.Equal("", copy.ModeStr);
    }

    [Fact]
    public void WithoutChmodTheModeIsMinusOne()
    {
        Assert.Equal(-1, CopyOf("FROM scratch\nCOPY a /b\n").Mode);
    }

    [Theory]
    [InlineData("10000")]             // one above 07777
    [InlineData("17777")]
    [InlineData("00000000000017777")]
    [InlineData("37777777777")]       // the largest 32-bit value
    [InlineData("40000000000")]       // past 32 bits
    [InlineData("77777777777777777777777")]
    [InlineData("8")]                 // not an octal digit
    [InlineData("99")]
    [InlineData("0x1ff")]
    [InlineData("1a")]                // starts like a number: the numeric error, not the symbolic one
    public void AModeAbove7777OrNotOctalIsTheNonOctalError(string chmod)
    {
        Assert.Equal($"invalid chmod parameter: '{chmod}'. it should be octal string and between 0 and 07777", Rejected(chmod));
    }

    [Theory]
    [InlineData("u+x,g-w")]
    [InlineData("u+s")]
    [InlineData("a=rwxXst")]
    [InlineData("ugo=")]
    [InlineData("=r")]
    [InlineData("+")]
    [InlineData("u+")]
    [InlineData("u+r+w")]
    [InlineData("g=u")]            // copies the user's bits to the group
    [InlineData("o+u")]
    [InlineData("u=rwx,go=u-w")]
    [InlineData("u+xu")]
    public void ASymbolicModeIsPassedOnAsAModeString(string chmod)
    {
        var copy = Copy(chmod);
        Assert.Equal(chmod, copy.ModeStr);
        Assert.Equal(0, copy.Mode);
    }

    [Theory]
    [InlineData("z+x")]
    [InlineData("-7")]
    [InlineData("u+x,,g-w")]
    [InlineData("u+x,")]
    [InlineData(",u+x")]
    [InlineData("u")]
    [InlineData("u+y")]
    public void ABadSymbolicModeIsDchapesModesSyntaxError(string chmod)
    {
        Assert.Equal("invalid syntax", Rejected(chmod));
    }
}
