using CSharpFrontend.Converter.Image;

namespace CSharpFrontend.Converter.Tests.Image;

public sealed class ImageTimeTests
{
    [Theory]
    [InlineData("2023-06-14T20:41:58.950178204Z")]
    [InlineData("2023-06-14T20:41:58Z")]
    [InlineData("2023-06-14T20:41:58.5Z")]
    [InlineData("1999-12-31T23:59:59.000000001+05:30")]
    [InlineData("2000-01-01T00:00:00-08:00")]
    [InlineData("0001-01-01T00:00:00Z")]
    public void RoundTripsLikeGo(string text) => Assert.Equal(text, ImageTime.TryParse(text)!.Value.ToString());

    [Theory]
    [InlineData("2023-06-14T20:41:58.950000000Z", "2023-06-14T20:41:58.95Z")]
    [InlineData("2023-06-14T20:41:58.1234567891234Z", "2023-06-14T20:41:58.123456789Z")]
    [InlineData("2023-06-14T20:41:58+00:00", "2023-06-14T20:41:58Z")]
    public void NormalizesAsGoWrites(string text, string expected) =>
        Assert.Equal(expected, ImageTime.TryParse(text)!.Value.ToString());

    [Theory]
    [InlineData("")]
    [InlineData("2023-06-14")]
    [InlineData("2023-06-14 20:41:58Z")]
    [InlineData("2023-13-14T20:41:58Z")]
    [InlineData("2023-02-30T20:41:58Z")]
    [InlineData("2023-06-14T20:41:58")]
    [InlineData("2023-06-14T20:41:58.Z")]
    [InlineData("2023-06-14T20:41:58+0100")]
    public void RejectsWhatIsNotRfc3339(string text) => Assert.Null(ImageTime.TryParse(text));

    [Fact]
    public void UnixSecondsAreUtc()
    {
        var time = ImageTime.FromUnixSeconds(1_700_000_000);
        Assert.Equal("2023-11-14T22:13:20Z", time.ToString());
        Assert.Equal(time, ImageTime.TryParse("2023-11-14T22:13:20Z"));
    }

    [Fact]
    public void ComparesInstantsAcrossOffsets()
    {
        var utc = ImageTime.TryParse("2020-01-01T12:00:00Z")!.Value;
        var plusOne = ImageTime.TryParse("2020-01-01T13:00:00+01:00")!.Value;
        var later = ImageTime.TryParse("2020-01-01T12:00:00.000000001Z")!.Value;

        Assert.Equal(0, utc.CompareTo(plusOne));
        Assert.NotEqual(utc, plusOne);
        Assert.True(later.IsAfter(utc));
        Assert.False(utc.IsAfter(plusOne));
    }
}
