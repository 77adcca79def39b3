using System.Collections.Immutable;
using CSharpFrontend.Converter.Dockerfile;

namespace CSharpFrontend.Converter.Tests.Dockerfile;

/// <summary>
/// Frontend options that reach a stage's steps, as v0.24.0 applies them (these options cannot be given to
/// <c>dockerfile2llb</c>, so the expectations are read from the source): <c>no-cache</c> (dockerui's
/// <c>IsNoCache</c>: an empty list is every stage, else the stages whose name equals one of the list's ignoring case,
/// an empty entry naming the unnamed stages) marks the stage's RUN and COPY steps <c>ignore_cache</c>
/// (<c>dispatchRun</c>, <c>dispatchCopy</c>); <c>hostname</c> sets every RUN's hostname (<c>d.state.Hostname</c>).
/// </summary>
public sealed class StageOptionsTests
{
    private const string Dockerfile = "FROM alpine AS build\nRUN make\nCOPY a /a\nFROM alpine\nRUN test\nCOPY --from=build /a /a\n";

    /// <summary>The custom names of the steps marked ignore_cache.</summary>
    private static string[] IgnoringCache(ImmutableArray<string>? filter) =>
        [.. TestConversion.Convert(Dockerfile, TestConversion.Options with { IgnoreCache = filter }).Definition.Definition.Metadata.Values
            .Where(m => m.IgnoreCache)
            .Select(m => m.Description["llb.customname"])
            .Order(StringComparer.Ordinal)];

    [Fact]
    public void WithoutTheOptionNothingIgnoresTheCache() => Assert.Empty(IgnoringCache(null));

    [Fact]
    public void AnEmptyListIsEveryStage() =>
        Assert.Equal(
            ["[build 2/3] RUN make", "[build 3/3] COPY a /a", "[stage-1 2/3] RUN test", "[stage-1 3/3] COPY --from=build /a /a"],
            IgnoringCache([]));

    [Fact]
    public void ANameIsMatchedIgnoringCase() =>
        Assert.Equal(["[build 2/3] RUN make", "[build 3/3] COPY a /a"], IgnoringCache(["other", "BUILD"]));

    [Fact]
    public void AnEmptyEntryIsTheUnnamedStages() =>
        Assert.Equal(["[stage-1 2/3] RUN test", "[stage-1 3/3] COPY --from=build /a /a"], IgnoringCache(["other", ""]));

    [Fact]
    public void TheHostnameIsEveryRunsAndOnlyWhenGiven()
    {
        static string[] Hostnames(string hostname) =>
            [.. TestConversion.Convert(Dockerfile, TestConversion.Options with { Hostname = hostname }).Definition.Ops
                .Where(o => o.Op.Exec is not null).Select(o => o.Op.Exec.Meta.Hostname)];

        Assert.Equal(["builder", "builder"], Hostnames("builder"));
        Assert.Equal(["", ""], Hostnames(""));
    }
}
