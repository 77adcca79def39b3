using CSharpFrontend.Converter.Dockerfile;

namespace CSharpFrontend.Converter.Tests.Dockerfile;

/// <summary>
/// The stage table as v0.24.0's <c>dispatchStates</c> answers: names case-insensitive, <c>--from</c> indexes checked
/// against the stages, and the dependency cycle found from the first stage (in file order) that reaches one, over every
/// stage whatever the target. Each message from <c>dockerfile2llb</c>; the lines are the instructions along the cycle
/// from that stage, each the last one that reads its stage (upstream keeps one command per dependency).
/// </summary>
public sealed class StageTableTests
{
    [Theory]
    [InlineData("FROM alpine AS a\nCOPY --from=a /x /x\n", "a", new[] { 2 })]
    [InlineData("FROM alpine AS s0\nCOPY --from=s1 /x /x\nFROM alpine AS s1\nCOPY --from=s2 /x /x\nFROM alpine AS s2\nCOPY --from=s1 /x /x\n", "s0", new[] { 2, 4, 6 })]
    [InlineData("FROM alpine AS a\nCOPY --from=b /x /x\nFROM alpine AS b\nRUN --mount=from=c,target=/m true\nFROM alpine AS c\nCOPY --from=a /z /z\n", "a", new[] { 2, 4, 6 })]
    [InlineData("FROM alpine AS a\nCOPY --from=b /x /x\nCOPY --from=b /x2 /x2\nFROM alpine AS b\nCOPY --from=a /y /y\n", "a", new[] { 3, 5 })]
    [InlineData("FROM alpine AS a\nFROM a AS b\nCOPY --from=b /x /x\n", "b", new[] { 3 })]
    [InlineData("FROM alpine AS a\nFROM alpine AS b\nCOPY --from=1 /x /x\n", "b", new[] { 3 })]
    [InlineData("FROM alpine AS ok\nCOPY --from=0 /x /x\nFROM ok AS s0\nCOPY --from=S1 /x /x\nFROM alpine AS s1\nCOPY --from=s0 /x /x\n", "ok", new[] { 2 })]
    public void ACycleIsReportedFromTheFirstStageThatReachesIt(string dockerfile, string stage, int[] lines)
    {
        var error = Assert.Throws<ConvertException>(() => TestConversion.Convert(dockerfile));
        Assert.Equal("circular dependency detected on stage: " + stage, error.Message);
        Assert.Equal(lines, error.Locations.Select(l => l.StartLine));
    }

    [Fact]
    public void EveryStageIsCheckedWhateverTheTarget()
    {
        const string dockerfile = "FROM alpine AS s0\nCOPY --from=s1 /x /x\nFROM alpine AS s1\nCOPY --from=s2 /x /x\nFROM alpine AS s2\nCOPY --from=s1 /x /x\nFROM scratch AS t\nCOPY a b\n";
        var error = Assert.Throws<ConvertException>(() => TestConversion.Convert(dockerfile, TestConversion.Options with { Target = "t" }));
        Assert.Equal("circular dependency detected on stage: s0", error.Message);
    }

    [Theory]
    [InlineData("FROM alpine AS a\nFROM alpine AS b\nCOPY --from=2 /x /x\n", "!invalid stage index 2")]
    [InlineData("FROM alpine AS a\nFROM alpine AS b\nCOPY --from=-1 /x /x\n", "!invalid stage index -1")]
    [InlineData("FROM alpine AS a\nFROM alpine AS b\nCOPY --from=0 /x /x\nCOPY --from=A /y /y\n", "2")]
    [InlineData("FROM alpine AS build\nFROM Build\n", "!failed to parse stage name \"Build\": invalid reference format: repository name (library/Build) must be lowercase")]
    public void StagesByIndexAndName(string dockerfile, string expected) =>
        TestConversion.AssertRow(dockerfile, expected, r => r.Definition.Ops.Count(o => o.Op.OpCase == Pb.Op.OpOneofCase.File).ToString(System.Globalization.CultureInfo.InvariantCulture));
}
