using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Profiles;

namespace CSharpFrontend.Converter.Tests.Dockerfile;

/// <summary>
/// <c>COPY --chmod</c> under the v0.11 profile, as v0.11.6's <c>dispatchCopy</c> reads it: <c>p, err :=
/// strconv.ParseUint(cfg.chmod, 8, 32); if err == nil { perm := os.FileMode(p); mode = &amp;perm }</c>. Any octal
/// number that fits 32 bits is the copy's mode (the proto field is an int32, so the top bit wraps), and anything
/// else (a symbolic mode, a digit 8 or 9, more than 32 bits) is no mode and no error.
/// </summary>
public sealed class CopyChmodCompatTests
{
    private static Pb.FileActionCopy Copy(string chmod)
    {
        var result = TestConversion.Convert($"FROM scratch\nCOPY --chmod={chmod} a /b\n", TestConversion.Options with { Profile = BuildKitProfile.V0_11 });
        var file = Assert.Single(result.Definition.Ops, o => o.Op.OpCase == Pb.Op.OpOneofCase.File).Op.File;
        return Assert.Single(file.Actions).Copy;
    }

    [Theory]
    [InlineData("0644", 420)]
    [InlineData("7777", 4095)]
    [InlineData("10000", 4096)]                     // over 07777: v0.24 rejects it, v0.11 takes it
    [InlineData("100644", 33188)]
    [InlineData("000000000000644", 420)]
    [InlineData("17777777777", int.MaxValue)]
    [InlineData("37777777777", -1)]                 // 2^32 - 1, as an int32
    [InlineData("20000000000", int.MinValue)]
    public void AnOctalNumberOfUpTo32BitsIsTheMode(string chmod, int mode) =>
        Assert.Equal(mode, Copy(chmod).Mode);

    [Theory]
    [InlineData("u+x")]
    [InlineData("8")]
    [InlineData("0x1ff")]
    [InlineData("40000000000")]                     // 2^32: past 32 bits
    [InlineData("-1")]
    public void AnythingElseIsNoModeAndNoError(string chmod)
    {
        var copy = Copy(chmod);
        Assert.Equal(-1, copy.Mode);
        Assert.Equal("", copy.ModeStr);
    }
}
