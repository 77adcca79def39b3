using System.Collections.Immutable;
using System.Text;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Lint;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Converter.Tests.Lint;

/// <summary>
/// Rules at their edges, each Dockerfile linted by BuildKit v0.24.0's <c>dockerfile2llb -lint</c> (the warnings below
/// are its output: rule, first line, detail): a tie in instruction casing goes to upper case, <c>scratch</c> is a
/// reserved stage name, EXPOSE with only a host port or only an address, the node checks up to and including the line
/// that fails to parse (and no dispatch checks then), an ARG given as a build argument not expanding its default, each
/// default's misses suggested from the environment at that definition (<c>dispatchArg</c>: earlier keys of the same
/// ARG included), and the SBOM scan arguments never undefined.
/// </summary>
public sealed class LintEdgeTests
{
    private static async Task<string[]> WarningsAsync(string dockerfile, params string[] buildArgs)
    {
        var options = new ConvertOptions
        {
            TargetPlatform = LlbPlatform.LinuxAmd64,
            BuildPlatforms = [LlbPlatform.LinuxAmd64],
            BuildArgs = buildArgs.Select(a => a.Split('=', 2)).ToImmutableDictionary(a => a[0], a => a[1]),
        };
        var result = await DockerfileLinter.LintAsync(Encoding.UTF8.GetBytes(dockerfile), "Dockerfile", options);
        return [.. result.Sorted().Select(w => $"{w.Rule.Name} {w.Ranges[0].StartLine} {w.Detail}")];
    }

    [Fact]
    public async Task CasingTieReservedScratchAndExposeMappings() =>
        Assert.Equal(
            [
                "ReservedStageName 1 Stage name should not use the same name as reserved stage \"scratch\"",
                "ConsistentInstructionCasing 2 Command 'copy' should match the case of the command majority (uppercase)",
                "ConsistentInstructionCasing 4 Command 'run' should match the case of the command majority (uppercase)",
                "ExposeInvalidFormat 5 EXPOSE instruction should not define an IP address or host-port mapping, found '8080:80'",
                "ExposeInvalidFormat 6 EXPOSE instruction should not define an IP address or host-port mapping, found '1.2.3.4::81'",
            ],
            await WarningsAsync("FROM scratch AS scratch\ncopy a /\nCOPY b /\nrun x\nEXPOSE 8080:80\nEXPOSE 1.2.3.4::81\n"));

    [Fact]
    public async Task AFailingFromIsStillCheckedAndNothingAfterIt() =>
        Assert.Equal(
            [
                "FromAsCasing 3 'as' and 'FROM' keywords' casing do not match",
                "MaintainerDeprecated 2 Maintainer instruction is deprecated in favor of using label",
                "StageNameCasing 3 Stage name 'Bad' should be lowercase",
            ],
            (await WarningsAsync("FROM scratch\nMAINTAINER a\nFROM --bogus scratch as Bad\nMAINTAINER c\n")).Order(StringComparer.Ordinal));

    [Fact]
    public async Task AParseErrorLeavesOutTheDispatchChecks() =>
        Assert.Equal(
            [
                "FromAsCasing 4 'as' and 'FROM' keywords' casing do not match",
                "MaintainerDeprecated 2 Maintainer instruction is deprecated in favor of using label",
                "StageNameCasing 4 Stage name 'Bad' should be lowercase",
            ],
            (await WarningsAsync("FROM scratch\nMAINTAINER a\nENV A b\nFROM scratch as Bad\nADD --bogus x /\nMAINTAINER c\n")).Order(StringComparer.Ordinal));

    [Fact]
    public async Task AnArgGivenAsABuildArgDoesNotExpandItsDefault()
    {
        Assert.Equal(
            ["UndefinedVar 2 Usage of undefined variable '$U2' (did you mean $A?)"],
            await WarningsAsync("FROM scratch\nARG A=$U1 B=$U2\nCOPY $BUILDKIT_SBOM_SCAN_STAGE $BUILDKIT_SBOM_SCAN_CONTEXT /\n", "A=1"));
        Assert.Equal(
            ["UndefinedVar 2 Usage of undefined variable '$U1'", "UndefinedVar 2 Usage of undefined variable '$U2' (did you mean $A?)"],
            await WarningsAsync("FROM scratch\nARG A=$U1 B=$U2\n"));
    }

    [Fact]
    public async Task ACasingTieGoesToUpperCase() =>
        Assert.Equal(
            ["ConsistentInstructionCasing 2 Command 'copy' should match the case of the command majority (uppercase)"],
            await WarningsAsync("FROM scratch\ncopy a /\n"));

    [Theory]
    [InlineData("EXPOSE :80 80/UDP 81/SCTP", "ExposeProtoCasing 2 Defined protocol '80/UDP' in EXPOSE instruction should be lowercase|ExposeProtoCasing 2 Defined protocol '81/SCTP' in EXPOSE instruction should be lowercase")]
    [InlineData("EXPOSE /TCP 80/UDP", "error: invalid port: \"/TCP\": no port specified")]
    [InlineData("EXPOSE 80/bogus 81/TCP", "error: invalid port: \"80/bogus\": invalid proto: bogus")]
    [InlineData("EXPOSE 80 ${P:?x} 81/TCP", "error: failed to process \"${P:?x}\": P: x")]
    public async Task ExposeChecksStopAtThePortBuildKitRejects(string expose, string expected) =>
        Assert.Equal(expected.Split('|'), await LintExpansionTests.LintAsync("FROM scratch\n" + expose + "\n"));

    [Fact]
    public async Task DefinitionDescriptionsAreCheckedOnlyOnNodesThatParse()
    {
        const string check = "# check=experimental=InvalidDefinitionDescription\n";
        Assert.Equal(
            ["error: dockerfile parse error on line 3: unknown flag: --bogus"],
            await LintExpansionTests.LintAsync(check + "# some words\nFROM --bogus scratch AS bar\n"));
        Assert.Equal(
            [
                "InvalidDefinitionDescription 3 Comment for ARG should follow the format: `# <arg_key> <description>`",
                "InvalidDefinitionDescription 5 Comment for FROM should follow the format: `# bar <description>`",
            ],
            await LintExpansionTests.LintAsync(check + "# some words\nARG A=1 B=2\n# more\nFROM scratch AS bar\n"));
    }

    [Fact]
    public async Task CopyIgnoredFileSkipsRemoteSourcesAndInstructionsThatFailToExpand()
    {
        // convert.go checks only the sources it copies from the context (no URL, no git reference), and only once
        // the instruction's words have all expanded (an expansion error ends the build before the copy).
        var options = new ConvertOptions
        {
            TargetPlatform = LlbPlatform.LinuxAmd64,
            BuildPlatforms = [LlbPlatform.LinuxAmd64],
            Excludes = ["*.md", "https:", "git@github.com:a"],
        };
        const string check = "# check=experimental=CopyIgnoredFile\nFROM scratch\n";
        Assert.Equal(
            ["CopyIgnoredFile 3 Attempting to Add file \"a.md\" that is excluded by .dockerignore"],
            await LintExpansionTests.LintAsync(check + "ADD a.md https://example.com/x git@github.com:a/b.git /\n", options));
        string[] failed = ["UndefinedVar 3 Usage of undefined variable '$X'", "error: failed to process \"${X:?x}\": X: x"];
        Assert.Equal(failed, await LintExpansionTests.LintAsync(check + "COPY a.md ${X:?x} /\n", options));
        Assert.Equal(failed, await LintExpansionTests.LintAsync(check + "COPY --chown=${X:?x} a.md /\n", options));
    }
}
