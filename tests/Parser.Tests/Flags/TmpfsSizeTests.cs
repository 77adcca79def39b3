namespace CSharpFrontend.Parser.Tests.Flags;

/// <summary>
/// A tmpfs mount's <c>size=</c> as BuildKit v0.24.0 reads it (go-units v0.5.0 <c>RAMInBytes</c>: Go's
/// <c>ParseFloat</c> up to the last digit, dot or space, then a binary suffix). Each value is the
/// <c>TmpfsOpt.size</c> that v0.24.0's <c>dockerfile2llb</c> writes for
/// <c>RUN --mount="type=tmpfs,target=/t,size=X" true</c>, each error its message.
/// </summary>
public sealed class TmpfsSizeTests
{
    private static string? Identity(string word, out string? error)
    {
        error = null;
        return word;
    }

    [Theory]
    [InlineData("1", 1L)]
    [InlineData("1b", 1L)]
    [InlineData("1B", 1L)]
    [InlineData("1k", 1024L)]
    [InlineData("1K", 1024L)]
    [InlineData("1kb", 1024L)]
    [InlineData("1Kb", 1024L)]
    [InlineData("1kB", 1024L)]
    [InlineData("1KiB", 1024L)]
    [InlineData("1kiB", 1024L)]
    [InlineData("1mib", 1_048_576L)]
    [InlineData("1g", 1_073_741_824L)]
    [InlineData("1t", 1_099_511_627_776L)]
    [InlineData("1p", 1_125_899_906_842_624L)]
    [InlineData("1.5m", 1_572_864L)]
    [InlineData("1.5k", 1536L)]
    [InlineData("01.5k", 1536L)]
    [InlineData("1 k", 1024L)]
    [InlineData("2 kib", 2048L)]
    [InlineData("1 ", 1L)]
    [InlineData(".5", 0L)]
    [InlineData(".5k", 512L)]
    [InlineData("5.k", 5120L)]
    [InlineData("0.9", 0L)]
    [InlineData("1.9", 1L)]
    [InlineData("-0", 0L)]
    [InlineData("-0.0", 0L)]
    [InlineData("+2k", 2048L)]
    [InlineData("1e3", 1000L)]
    [InlineData("1e+3", 1000L)]
    [InlineData("1.e3", 1000L)]
    [InlineData("1E+3k", 1_024_000L)]
    [InlineData("1E-3k", 1L)]
    [InlineData("1.5e-1k", 153L)]
    [InlineData("1e-400", 0L)]
    [InlineData("1_000", 1000L)]
    [InlineData("1_0.5", 10L)]
    [InlineData("1e1_0", 10_000_000_000L)]
    [InlineData("0x1p4", 16L)]
    [InlineData("0X1P4", 16L)]
    [InlineData("+0x1p4", 16L)]
    [InlineData("0x_1p4", 16L)]
    [InlineData("0x1p4_0", 1_099_511_627_776L)]
    [InlineData("0x1.8p1", 3L)]
    [InlineData("0x.8p1", 1L)]
    [InlineData("0x1.p1", 2L)]
    [InlineData("0X1P-1k", 512L)]
    [InlineData("0x1.8P+1", 3L)]
    [InlineData("0x1p-1", 0L)]
    [InlineData("0x1p-99999999999", 0L)]
    [InlineData("0x1fp0", 31L)]
    [InlineData("0X1Fp0", 31L)]
    [InlineData("0xAp0", 10L)]
    [InlineData("0x1_ap0", 26L)]
    [InlineData("8191.99p", 9_223_360_777_855_707_136L)]
    [InlineData("8192p", long.MinValue)]
    [InlineData("9.3e18", long.MinValue)]
    [InlineData("99999999999999999999", long.MinValue)]
    [InlineData("1e308k", long.MinValue)]
    [InlineData("0x1p1023k", long.MinValue)]
    public void SizesAsV024ReadsThem(string size, long bytes)
    {
        var (mount, error) = RunMount.Parse("type=tmpfs,target=/t,size=" + size, Identity);
        Assert.Null(error);
        Assert.Equal(bytes, mount!.SizeLimit);
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("k")]
    [InlineData(".")]
    [InlineData("1e")]
    [InlineData(".e1")]
    [InlineData("5..")]
    [InlineData("1..5")]
    [InlineData("1  k")]
    [InlineData("1i")]
    [InlineData("1ib")]
    [InlineData("1bi")]
    [InlineData("1ki")]
    [InlineData("1Mi")]
    [InlineData("1kx")]
    [InlineData("1kbb")]
    [InlineData("1kibb")]
    [InlineData("1k1")]
    [InlineData("-1")]
    [InlineData("-0.5")]
    [InlineData("-0x1p4")]
    [InlineData("1e309")]
    [InlineData("1e400")]
    [InlineData("0x1p1024")]
    [InlineData("0x1")]
    [InlineData("0x1p")]
    [InlineData("0x1p4.")]
    [InlineData("0x.p1")]
    [InlineData("0x1..8p1")]
    [InlineData("0x1p99999999999")]
    [InlineData("1e99999999999")]
    [InlineData(" k")]
    [InlineData(" ")]
    [InlineData("0b1")]
    [InlineData("1__0")]
    [InlineData("_1")]
    [InlineData("1_")]
    [InlineData("1._5")]
    [InlineData("1_.5")]
    [InlineData("1e_1")]
    [InlineData("0x1p_4")]
    [InlineData("0x_p4")]
    [InlineData("0_x1p4")]
    [InlineData("0x1_p4")]
    public void InvalidSizesAreRefused(string size) =>
        Assert.Equal("invalid value for size: " + size, RunMount.Parse("type=tmpfs,target=/t,size=" + size, Identity).Error);
}
