using CSharpFrontend.Converter.Dockerfile;

namespace CSharpFrontend.Converter.Tests.Dockerfile;

/// <summary>
/// "did you mean" in conversion errors: an unset variable of a FROM --platform against the args defined, a target
/// against the stage names, both case-sensitive (a name differing only in case is not suggested). Each row from
/// <c>dockerfile2llb</c> (v0.24.0).
/// </summary>
public sealed class SuggestionTests
{
    [Theory]
    [InlineData("FROM --platform=$targetplatform alpine\n", "empty platform value from expression $targetplatform")]
    [InlineData("FROM --platform=$TARGETPLATFROM alpine\n", "empty platform value from expression $TARGETPLATFROM (did you mean TARGETPLATFORM?)")]
    [InlineData(
        "FROM --platform=linux/$TARGETARH alpine\n",
        "failed to parse platform linux/$TARGETARH: \"\" is an invalid component of \"linux/\": platform specifier component must match \"^[A-Za-z0-9_.-]+$\": invalid argument (did you mean TARGETARCH?)")]
    public void AnUnsetPlatformVariable(string dockerfile, string message) =>
        Assert.Equal(message, Assert.Throws<ConvertException>(() => TestConversion.Convert(dockerfile)).Message);

    [Theory]
    [InlineData("BUILDR", "target stage \"BUILDR\" could not be found")]
    [InlineData("bilder", "target stage \"bilder\" could not be found (did you mean builder?)")]
    [InlineData("unner", "target stage \"unner\" could not be found (did you mean runner?)")]
    [InlineData("x", "target stage \"x\" could not be found")]
    public void AnUnknownTarget(string target, string message) =>
        Assert.Equal(
            message,
            Assert.Throws<ConvertException>(() => TestConversion.Convert(
                "FROM alpine AS builder\nFROM alpine AS Runner\nFROM alpine\n", TestConversion.Options with { Target = target })).Message);

    [Fact]
    public void ParserWarningsComeWithTheResult()
    {
        var warning = Assert.Single(TestConversion.Convert("FROM alpine\nRUN a \\\n\n  b\n").Warnings);
        Assert.StartsWith("Empty continuation line found in: ", warning.Message, StringComparison.Ordinal);
    }
}
