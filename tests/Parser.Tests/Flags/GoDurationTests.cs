using CSharpFrontend.Parser.Flags;

namespace CSharpFrontend.Parser.Tests.Flags;

/// <summary>
/// Go's <c>time.ParseDuration</c> as BuildKit v0.24.0 uses it for the HEALTHCHECK intervals. Every value and text
/// below is what v0.24.0's <c>dockerfile2llb</c> gives for <c>HEALTHCHECK --interval=X CMD true</c> (the image
/// config's <c>Healthcheck.Interval</c>, in nanoseconds, or the parse error).
/// </summary>
public sealed class GoDurationTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("+0", 0L)]
    [InlineData("-0", 0L)]
    [InlineData("0s", 0L)]
    [InlineData("00s", 0L)]
    [InlineData("000.000s", 0L)]
    [InlineData("0.1ns", 0L)]
    [InlineData("1000000ns", 1_000_000L)]
    [InlineData("1000us", 1_000_000L)]
    [InlineData("1ms", 1_000_000L)]
    [InlineData("1s", 1_000_000_000L)]
    [InlineData("1m", 60_000_000_000L)]
    [InlineData("1h", 3_600_000_000_000L)]
    [InlineData("1.5s", 1_500_000_000L)]
    [InlineData(".5s", 500_000_000L)]
    [InlineData("1.s", 1_000_000_000L)]
    [InlineData("1m1h", 3_660_000_000_000L)]
    [InlineData("1h2m3.004005006s", 3_723_004_005_006L)]
    [InlineData("1.0000000009s", 1_000_000_000L)]
    [InlineData("1.99999999999999999999999s", 2_000_000_000L)]
    [InlineData("1.9223372036854775807s", 1_922_337_203L)]
    [InlineData("1.9223372036854775808s", 1_922_337_203L)]
    [InlineData("3.09223372036854775808s", 3_092_233_720L)]
    [InlineData("100000000000000000.5ns", 100_000_000_000_000_000L)]
    [InlineData("2562047h", 9_223_369_200_000_000_000L)]
    [InlineData("9223372036854775807ns", long.MaxValue)]
    [InlineData("2562047h47m16.854775807s", long.MaxValue)]
    [InlineData("9223372036854775.807us", long.MaxValue)]
    public void ValuesAsV024ReadsThem(string text, long nanoseconds) =>
        Assert.Equal((nanoseconds, (string?)null), GoDuration.Parse(text));

    [Theory]
    [InlineData("-", "time: invalid duration \"-\"")]
    [InlineData("+", "time: invalid duration \"+\"")]
    [InlineData("s", "time: invalid duration \"s\"")]
    [InlineData(".s", "time: invalid duration \".s\"")]
    [InlineData("1", "time: missing unit in duration \"1\"")]
    [InlineData("1.5", "time: missing unit in duration \"1.5\"")]
    [InlineData("1s5", "time: missing unit in duration \"1s5\"")]
    [InlineData("1..5s", "time: missing unit in duration \"1..5s\"")]
    [InlineData("1.5.5s", "time: missing unit in duration \"1.5.5s\"")]
    [InlineData("1x", "time: unknown unit \"x\" in duration \"1x\"")]
    [InlineData("1sec", "time: unknown unit \"sec\" in duration \"1sec\"")]
    [InlineData("1e3s", "time: unknown unit \"e\" in duration \"1e3s\"")]
    [InlineData("1_000s", "time: unknown unit \"_\" in duration \"1_000s\"")]
    [InlineData("5m-1s", "time: unknown unit \"m-\" in duration \"5m-1s\"")]
    [InlineData("9223372036854775808ns", "time: invalid duration \"9223372036854775808ns\"")]
    [InlineData("99999999999999999999ns", "time: invalid duration \"99999999999999999999ns\"")]
    [InlineData("2562048h", "time: invalid duration \"2562048h\"")]
    [InlineData("2562047h47m16.854775808s", "time: invalid duration \"2562047h47m16.854775808s\"")]
    [InlineData("9223372036854775807ns1ns", "time: invalid duration \"9223372036854775807ns1ns\"")]
    [InlineData("-9223372036854775809ns", "time: invalid duration \"-9223372036854775809ns\"")]
    [InlineData("18446744073709551620ns", "time: invalid duration \"18446744073709551620ns\"")]
    [InlineData("5124096h", "time: invalid duration \"5124096h\"")]
    [InlineData("-9223372036854775807ns2ns", "time: invalid duration \"-9223372036854775807ns2ns\"")]
    public void ErrorsAsV024WordsThem(string text, string message) =>
        Assert.Equal(message, GoDuration.Parse(text).Error);

    /// <summary>
    /// BuildKit reads a flag one byte per character, so a non-ASCII unit reaches <c>ParseDuration</c> as its UTF-8
    /// bytes read as Latin-1 and is quoted byte by byte (v0.24.0 rejects even <c>µs</c> this way).
    /// </summary>
    [Theory]
    [InlineData("1000\u00b5s", "time: unknown unit \"\\xc3\\x82\\xc2\\xb5s\" in duration \"1000\\xc3\\x82\\xc2\\xb5s\"")]
    [InlineData("1\u00e9", "time: unknown unit \"\\xc3\\x83\\xc2\\xa9\" in duration \"1\\xc3\\x83\\xc2\\xa9\"")]
    [InlineData("1\u0080", "time: unknown unit \"\\xc3\\x82\\xc2\\x80\" in duration \"1\\xc3\\x82\\xc2\\x80\"")]
    public void NonAsciiUnitsAreQuotedByteByByte(string value, string message) =>
        Assert.Equal(message, TestUtil.Error("FROM a\nHEALTHCHECK --interval=" + value + " CMD true\n").Message);

    /// <summary>The time package's quoting: a control character as <c>\xNN</c>, a quote and a backslash escaped.</summary>
    [Theory]
    [InlineData("1\u0001", "time: unknown unit \"\\x01\" in duration \"1\\x01\"")]
    [InlineData("1\\\"", "time: unknown unit \"\\\"\" in duration \"1\\\"\"")]
    [InlineData("\"1 s\"", "time: unknown unit \" s\" in duration \"1 s\"")]
    [InlineData("\"1\\\\\"", "time: unknown unit \"\\\\\" in duration \"1\\\\\"")]
    public void UnitsAreQuotedAsTheTimePackageDoes(string value, string message) =>
        Assert.Equal(message, TestUtil.Error("FROM a\nHEALTHCHECK --interval=" + value + " CMD true\n").Message);

    /// <summary>Negative durations parse (the minimum is <c>-9223372036854775808ns</c>) and then fail the 1 ms floor.</summary>
    [Theory]
    [InlineData("-1s")]
    [InlineData("-9223372036854775808ns")]
    [InlineData("0.000000001000000001h")]
    [InlineData("999us")]
    [InlineData("-9223372036854775.808us")]
    public void BelowOneMillisecondIsRefused(string value) =>
        Assert.Equal(
            "Interval \"interval\" cannot be less than 1ms",
            TestUtil.Error("FROM a\nHEALTHCHECK --interval=" + value + " CMD true\n").Message);

    /// <summary>
    /// What BuildKit cannot show (a negative interval fails the 1 ms floor, a non-ASCII unit arrives as Latin-1 bytes,
    /// an empty flag is not parsed), as Go's <c>time.ParseDuration</c> has it: <c>""</c> is invalid, <c>µs</c> (U+00B5)
    /// and <c>μs</c> (U+03BC) are microseconds, <c>-d</c> is the negation and <c>-(1&lt;&lt;63)</c> the minimum.
    /// </summary>
    [Theory]
    [InlineData("-1s", -1_000_000_000L)]
    [InlineData("-1.5h", -5_400_000_000_000L)]
    [InlineData("1\u00b5s", 1000L)]
    [InlineData("1\u03bcs", 1000L)]
    [InlineData("-9223372036854775.808us", long.MinValue)]
    [InlineData("-9223372036854775808ns", long.MinValue)]
    public void ValuesOnlyGoShows(string text, long nanoseconds) =>
        Assert.Equal((nanoseconds, (string?)null), GoDuration.Parse(text));

    [Fact]
    public void AnEmptyDurationIsInvalid() =>
        Assert.Equal("time: invalid duration \"\"", GoDuration.Parse("").Error);
}
