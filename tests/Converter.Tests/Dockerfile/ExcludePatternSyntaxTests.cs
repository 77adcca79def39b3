using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Profiles;

namespace CSharpFrontend.Converter.Tests.Dockerfile;

/// <summary>
/// A <c>.dockerignore</c> pattern that patternmatcher's <c>New</c> refuses fails v0.24.0's conversion (and its lint)
/// before the first instruction: each row is what <c>buildctl build</c> on buildkitd v0.24.0 (builtin frontend) said for
/// <c>FROM scratch</c> + <c>COPY a /</c> with that one line as the context's <c>.dockerignore</c> (null: it built,
/// or failed only on the excluded <c>a</c>).
/// </summary>
public sealed class ExcludePatternSyntaxTests
{
    private const string Bad = "syntax error in pattern";
    private const string LoneBang = "illegal exclusion pattern: \"!\"";

    [Theory]
    [InlineData("[", Bad)]
    [InlineData("a\\", Bad)]
    [InlineData("!", LoneBang)]
    [InlineData(" ! ", LoneBang)]
    [InlineData("!/", LoneBang)]
    [InlineData("x[]", Bad)]
    [InlineData("[a-]", Bad)]
    [InlineData("a/[b", Bad)]
    [InlineData("[]a]", Bad)]
    [InlineData("*[", Bad)]
    [InlineData("[a", Bad)]
    [InlineData("[-a]", Bad)]
    [InlineData("[a-b-c]", Bad)]
    [InlineData("!x[", Bad)]
    [InlineData("[\\", Bad)]
    [InlineData("[a\\]", Bad)]
    [InlineData("[^]", Bad)]
    [InlineData("ok*", null)]
    [InlineData("[^a]b", null)]
    [InlineData("[a-z]*.go", null)]
    [InlineData("\\[x", null)]
    [InlineData("[\\]]", null)]
    [InlineData("**/*.md", null)]
    [InlineData("[!a]", null)]
    [InlineData("a]", null)]
    [InlineData("x\\*", null)]
    [InlineData("[é]", null)]
    public void PatternsAsPatternmatcherTakesThem(string pattern, string? error) =>
        Assert.Equal(error, ExcludePatternSyntax.FirstError([pattern]));

    [Fact]
    public void TheFirstRefusedPatternIsTheError() =>
        Assert.Equal(LoneBang, ExcludePatternSyntax.FirstError(["", "ok", "!", "["]));

    [Fact]
    public void TheConversionFailsWithoutALocation()
    {
        var options = TestConversion.Options with { Excludes = ["node_modules", "["] };
        var error = Assert.Throws<ConvertException>(() => TestConversion.Convert("FROM scratch\nCOPY a /\n", options));
        Assert.Equal(Bad, error.Message);
        Assert.Empty(error.Locations);
    }

    [Fact]
    public void V011OnlyPassedThemOn() =>
        Assert.NotNull(TestConversion.Convert("FROM scratch\nCOPY a /\n", TestConversion.Options with { Excludes = ["["], Profile = BuildKitProfile.V0_11 }));

    [Fact]
    public async Task TheLintHasItAsItsErrorAfterTheWarningsFoundBefore() =>
        Assert.Equal(
            ["ConsistentInstructionCasing 1 Command 'from' should match the case of the command majority (uppercase)", "error: " + Bad],
            await Lint.LintExpansionTests.LintAsync("from scratch\nCOPY a /\n", TestConversion.Options with { Excludes = ["["] }));
}
