using System.Collections.Immutable;
using CSharpFrontend.Converter.Dockerfile;

namespace CSharpFrontend.Converter.Tests.Dockerfile;

/// <summary>
/// The outline's build args as v0.24.0's <c>dispatchArg</c> records them: a stage's <c>ARG</c> without a default and
/// without a build arg takes the global ARG's value and is listed as the global ARG (its line, its description); with a
/// default or a build arg the stage's ARG is listed instead. Every ARG of the stage is listed, used or not; a global ARG
/// only when a stage uses it. Values and descriptions as <c>buildctl build --opt requestid=frontend.outline</c> on
/// buildkitd v0.24.0 (builtin frontend) prints them for each Dockerfile here.
/// </summary>
public sealed class OutlineArgsTests
{
    private const string Dockerfile =
        "# VERSION the release\nARG VERSION=1.0\nARG UNUSED_GLOBAL=g\nFROM scratch\n# VERSION again\nARG VERSION\n# LOCAL not read\nARG LOCAL=x\nRUN echo $VERSION\n";

    private static (string Name, string Value, string Description, int Line)[] Args(string dockerfile, ConvertOptions options) =>
        [.. TestConversion.Convert(dockerfile, options with { MarshalDefinition = false }).Outline.Args
            .Select(a => (a.Name, a.Value, a.Description, a.Line))];

    [Fact]
    public void AnInheritedArgIsTheGlobalOne() =>
        Assert.Equal(
            [("VERSION", "1.0", "the release", 2), ("LOCAL", "x", "not read", 8)],
            Args(Dockerfile, TestConversion.Options));

    [Fact]
    public void ABuildArgMakesItTheStagesOwn() =>
        Assert.Equal(
            [("VERSION", "2", "again", 6), ("LOCAL", "x", "not read", 8)],
            Args(Dockerfile, TestConversion.Options with { BuildArgs = ImmutableDictionary<string, string>.Empty.Add("VERSION", "2") }));

    [Fact]
    public void ADefaultMakesItTheStagesOwn() =>
        Assert.Equal(
            [("VERSION", "3", "again", 6), ("LOCAL", "x", "not read", 8)],
            Args(Dockerfile.Replace("ARG VERSION\n", "ARG VERSION=3\n", StringComparison.Ordinal), TestConversion.Options));

    [Fact]
    public void AGlobalArgReadingItselfKeepsWhatItsEarlierDefinitionRead() =>
        Assert.Equal(
            [("B", "1", "the base", 2), ("A", "1x", "", 5)],
            Args("# B the base\nARG B=1\n# A the app\nARG A=$B\nARG A=${A}x\nARG C=$A\nFROM scratch\nARG A\nRUN echo $A\n", TestConversion.Options));

    [Fact]
    public void GlobalArgsReadByFromAreListed() =>
        Assert.Equal(
            [("BASE", "scratch", "the base", 2), ("P", "linux/amd64", "the platform", 4)],
            Args("# BASE the base\nARG BASE=scratch\n# P the platform\nARG P=linux/amd64\nARG UNUSED=u\nFROM --platform=$P $BASE\nRUN true\n", TestConversion.Options));
}
