using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Converter.Tests.Llb;

/// <summary>
/// containerd's <c>platforms.Parse</c> (v0.24.0's vendored copy) before and after <c>platforms.Normalize</c>: Parse
/// drops the <c>v7</c> it implies for a two-part <c>arm</c> and adds <c>v8</c> to a three-part <c>arm64</c>; Normalize
/// lower-cases, resolves aliases and implied variants (<c>arm</c> → <c>arm/v7</c>, <c>arm64/v8</c>, <c>v8.0</c> →
/// <c>arm64</c>, <c>9</c>, <c>9.0</c>, <c>v9.0</c> → <c>v9</c>, <c>x86_64/v1</c> → <c>amd64</c>).
/// </summary>
public sealed class PlatformNormalizeTests
{
    [Theory]
    [InlineData("linux/arm", "linux/arm")]
    [InlineData("arm", "linux/arm")]
    [InlineData("armhf", "linux/arm")]
    [InlineData("linux/armel", "linux/arm/v6")]
    [InlineData("linux/arm/7", "linux/arm/v7")]
    [InlineData("linux/arm64", "linux/arm64")]
    [InlineData("linux/arm64/v8", "linux/arm64/v8")]
    [InlineData("linux/aarch64/8", "linux/arm64/v8")]
    [InlineData("linux/arm64/v8.0", "linux/arm64/v8")]
    [InlineData("windows(10.0.17763)/AMD64", "windows(10.0.17763)/amd64")]
    public void ParseKeepsWhatItWasGiven(string text, string expected) =>
        Assert.Equal(expected, LlbPlatform.ParseSpecifier(text).FormatAll());

    [Theory]
    [InlineData("linux/arm", "linux/arm/v7")]
    [InlineData("arm", "linux/arm/v7")]
    [InlineData("linux/arm64/v8", "linux/arm64")]
    [InlineData("linux/arm64/v8.0", "linux/arm64")]
    [InlineData("linux/arm64/9", "linux/arm64/v9")]
    [InlineData("linux/arm64/9.0", "linux/arm64/v9")]
    [InlineData("Linux/ARM64/V9.0", "linux/arm64/v9")]
    [InlineData("linux/arm64/v9.2", "linux/arm64/v9.2")]
    [InlineData("linux/i386/x", "linux/386")]
    [InlineData("macos/arm64", "darwin/arm64")]
    [InlineData("linux/x86_64/v1", "linux/amd64")]
    [InlineData("linux/amd64/V3", "linux/amd64/v3")]
    public void NormalizeResolvesAliasesAndImpliedVariants(string text, string expected)
    {
        Assert.Equal(expected, LlbPlatform.Parse(text).FormatAll());
        Assert.Equal(expected, LlbPlatform.ParseSpecifier(text).Normalize().FormatAll());
    }

    [Fact]
    public void NormalizeTakesAnImagesPartsAsTheyAre() =>
        Assert.Equal("darwin(13)/arm/v7", new LlbPlatform("MacOS", "ARM", "7", "13").Normalize().FormatAll());

    [Fact]
    public void FormatAllLeavesOutEmptyParts()
    {
        Assert.Equal("unknown", new LlbPlatform("", "amd64").FormatAll());
        Assert.Equal("linux", new LlbPlatform("linux", "").FormatAll());
        Assert.Equal("linux/v7", new LlbPlatform("linux", "", "v7").FormatAll());
    }
}
