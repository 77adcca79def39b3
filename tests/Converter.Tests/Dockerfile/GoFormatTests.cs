using CSharpFrontend.Converter.Dockerfile;

namespace CSharpFrontend.Converter.Tests.Dockerfile;

/// <summary>
/// The Go <c>fmt</c> renderings image history holds (CMD, ENTRYPOINT, HEALTHCHECK, VOLUME, SHELL), each value printed
/// by Go 1.23.5 (<c>time.Duration(v).String()</c>, <c>fmt.Sprintf("%q", []string{...})</c>, <c>"%v"</c>).
/// </summary>
public sealed class GoFormatTests
{
    [Theory]
    [InlineData(-1000L, "-1µs")]
    [InlineData(-1500000000L, "-1.5s")]
    [InlineData(-1L, "-1ns")]
    [InlineData(-3600000000000L, "-1h0m0s")]
    [InlineData(-9223372036854775807L, "-2562047h47m16.854775807s")]
    [InlineData(long.MinValue, "-2562047h47m16.854775808s")]
    [InlineData(-999999L, "-999.999µs")]
    [InlineData(0L, "0s")]
    [InlineData(1000000000L, "1s")]
    [InlineData(1000000001L, "1.000000001s")]
    [InlineData(100000000L, "100ms")]
    [InlineData(10000000L, "10ms")]
    [InlineData(1000000L, "1ms")]
    [InlineData(1000001L, "1.000001ms")]
    [InlineData(1000L, "1µs")]
    [InlineData(1001L, "1.001µs")]
    [InlineData(1100L, "1.1µs")]
    [InlineData(120000000000L, "2m0s")]
    [InlineData(1234567L, "1.234567ms")]
    [InlineData(1500000000L, "1.5s")]
    [InlineData(1500L, "1.5µs")]
    [InlineData(1L, "1ns")]
    [InlineData(2000000L, "2ms")]
    [InlineData(250000L, "250µs")]
    [InlineData(30000000000L, "30s")]
    [InlineData(3599999999999L, "59m59.999999999s")]
    [InlineData(3600000000000L, "1h0m0s")]
    [InlineData(3600000000001L, "1h0m0.000000001s")]
    [InlineData(3600005000000L, "1h0m0.005s")]
    [InlineData(3661000000000L, "1h1m1s")]
    [InlineData(3723500000000L, "1h2m3.5s")]
    [InlineData(5000000000L, "5s")]
    [InlineData(5400000000000L, "1h30m0s")]
    [InlineData(59999999999L, "59.999999999s")]
    [InlineData(60000000000L, "1m0s")]
    [InlineData(60000000L, "60ms")]
    [InlineData(61000000000L, "1m1s")]
    [InlineData(7200000000000L, "2h0m0s")]
    [InlineData(86400000000000L, "24h0m0s")]
    [InlineData(long.MaxValue, "2562047h47m16.854775807s")]
    [InlineData(999999999L, "999.999999ms")]
    [InlineData(999999L, "999.999µs")]
    [InlineData(999L, "999ns")]
    public void DurationIsGosDurationString(long nanoseconds, string expected) =>
        Assert.Equal(expected, GoFormat.Duration(nanoseconds));

    [Fact]
    public void QuoteListIsPercentQOfAStringSlice()
    {
        Assert.Equal("[\"a\" \"b c\" \"\" \"é\\x00\\\"\\\\\"]", GoFormat.QuoteList(["a", "b c", "", "é\0\"\\"]));
        Assert.Equal("[]", GoFormat.QuoteList([]));
    }

    [Fact]
    public void ListIsPercentVOfAStringSlice()
    {
        Assert.Equal("[a b c  é]", GoFormat.List(["a", "b c", "", "é"]));
        Assert.Equal("[]", GoFormat.List([]));
    }
}
