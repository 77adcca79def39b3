using System.Collections.Immutable;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Converter.Tests.Lint;

/// <summary>
/// The <c># check=</c> directive as v0.24.0 reads it, each Dockerfile linted by its <c>dockerfile2llb -lint</c>:
/// <c>ParseDirective</c> keeps the value up to its first space; <c>ParseLintOptions</c> splits it into at most three
/// parts, a later list replaces an earlier one but never undoes <c>all</c>, and its errors quote the part as written.
/// </summary>
public sealed class CheckDirectiveTests
{
    private const string Body = "FROM scratch AS Bad\nMAINTAINER x\n";

    [Theory]
    [InlineData("skip=all;skip=StageNameCasing", "")]
    [InlineData("skip=StageNameCasing;skip=all", "")]
    [InlineData("skip=StageNameCasing , MaintainerDeprecated", "MaintainerDeprecated 3 Maintainer instruction is deprecated in favor of using label")]
    [InlineData("skip=StageNameCasing,MaintainerDeprecated", "")]
    [InlineData("skip=StageNameCasing;skip=MaintainerDeprecated", "StageNameCasing 2 Stage name 'Bad' should be lowercase")]
    [InlineData("skip", "error: failed to parse check options: invalid check option \"skip\"")]
    [InlineData("=x", "error: failed to parse check options: invalid check option \"\"")]
    [InlineData(" bogus = x", "error: failed to parse check options: invalid check option \"bogus\"")]
    [InlineData("error=maybe", "error: failed to parse check options: failed to parse check option \"error=maybe\": strconv.ParseBool: parsing \"maybe\": invalid syntax")]
    [InlineData("error= T ;skip=StageNameCasing", "error: failed to parse check options: failed to parse check option \"error=\": strconv.ParseBool: parsing \"\": invalid syntax")]
    [InlineData("skip=a;skip=b;error=true;x", "error: failed to parse check options: failed to parse check option \"error=true;x\": strconv.ParseBool: parsing \"true;x\": invalid syntax")]
    public async Task TheDirectiveAsParseLintOptionsReadsIt(string check, string expected) =>
        Assert.Equal(
            expected.Length == 0 ? [] : expected.Split('|'),
            await LintExpansionTests.LintAsync($"# check={check}\n{Body}"));

    [Fact]
    public async Task ALaterExperimentalListKeepsAll() =>
        Assert.Equal(
            ["InvalidDefinitionDescription 3 Comment for ARG should follow the format: `# A <description>`"],
            await LintExpansionTests.LintAsync("# check=experimental=all;experimental=CopyIgnoredFile\n# x\nARG A=1\nFROM scratch\n"));

    [Fact]
    public async Task AnExperimentalListEnablesOnlyItsRules() =>
        Assert.Empty(await LintExpansionTests.LintAsync("# check=experimental=CopyIgnoredFile\n# x\nARG A=1\nFROM scratch\n"));

    [Theory]
    [InlineData("1", true)]
    [InlineData("t", true)]
    [InlineData("T", true)]
    [InlineData("TRUE", true)]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("0", false)]
    [InlineData("f", false)]
    [InlineData("F", false)]
    [InlineData("FALSE", false)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    public async Task ErrorTakesStrconvParseBoolForms(string value, bool fails)
    {
        string[] warning = ["StageNameCasing 2 Stage name 'Bad' should be lowercase"];
        Assert.Equal(
            fails ? [.. warning, "error: lint violation found for rules: StageNameCasing"] : warning,
            await LintExpansionTests.LintAsync($"# check=error={value}\nFROM scratch AS Bad\n"));
    }

    [Fact]
    public async Task TheBuildArgWinsAndNamesItselfInItsError()
    {
        // dockerui/config.go: errors.Wrapf(err, "failed to parse %s", "build-arg:BUILDKIT_DOCKERFILE_CHECK").
        var options = new ConvertOptions
        {
            TargetPlatform = LlbPlatform.LinuxAmd64,
            BuildPlatforms = [LlbPlatform.LinuxAmd64],
            BuildArgs = ImmutableDictionary<string, string>.Empty.Add("BUILDKIT_DOCKERFILE_CHECK", "skip"),
        };
        Assert.Equal(
            ["error: failed to parse build-arg:BUILDKIT_DOCKERFILE_CHECK: invalid check option \"skip\""],
            await LintExpansionTests.LintAsync("# check=skip=all\n" + Body, options));
    }
}
