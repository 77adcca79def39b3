using System.Text;
using CSharpFrontend.Converter.Image;

namespace CSharpFrontend.Converter.Tests.Image;

/// <summary>
/// Issue 14 items 3 and 11: image configs Go's encoding/json reads (invalid UTF-8 as U+FFFD, nesting to 10,000
/// levels, the year 0000) are read, not refused or crashed on.
/// </summary>
public sealed class GoJsonLeniencyTests
{
    [Fact]
    public void InvalidUtf8InAStringIsReadAsReplacementCharacters()
    {
        var json = Encoding.UTF8.GetBytes("""{"architecture":"amd64","os":"linux","config":{"Labels":{"a":"x#y"}}}""");
        var at = Array.IndexOf(json, (byte)'#');
        byte[] bytes = [.. json[..at], 0xE2, 0x82, .. json[(at + 1)..]];
        var config = ImageConfigReader.Parse(bytes);
        Assert.Equal("x\uFFFD\uFFFDy", config.Config.Labels["a"]);
    }

    [Theory]
    [InlineData(65)]
    [InlineData(9_000)]
    public void DeeplyNestedUnknownFieldsAreSkipped(int depth)
    {
        var json = """{"architecture":"amd64","os":"linux","x":""" + new string('[', depth) + new string(']', depth) + "}";
        Assert.Equal("amd64", ImageConfigReader.Parse(json).Architecture);
    }

    [Fact]
    public void NestingPastGosLimitIsAnError() =>
        Assert.Throws<ImageConfigFormatException>(() => ImageConfigReader.Parse("""{"x":""" + new string('[', 10_001) + new string(']', 10_001) + "}"));

    [Theory]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("0000-02-29T23:59:59.5Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("1969-12-31T23:59:59-01:00")]
    public void YearZeroAndOtherEdgesRoundTrip(string created)
    {
        var time = ImageTime.TryParse(created);
        Assert.NotNull(time);
        Assert.Equal(created, time.Value.ToString());
    }

    [Fact]
    public void YearZeroIsSixtyTwoBillionSecondsBeforeTheEpoch() =>
        Assert.Equal(-62167219200, ImageTime.TryParse("0000-01-01T00:00:00Z")!.Value.UnixSeconds);

    [Fact]
    public void TheFirstOfMarchInYearOneFollowsALeapDay() =>
        Assert.Null(ImageTime.TryParse("0001-02-29T00:00:00Z"));
}
