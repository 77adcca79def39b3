using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Dockerfile.Contexts;
using CSharpFrontend.Converter.Llb.Marshal;
using CSharpFrontend.Converter.Profiles;
using Pb;

namespace CSharpFrontend.Converter.Tests.Contexts;

/// <summary>
/// <c>local:</c> named contexts as v0.24.0 sends them. dockerui's NamedContext.Load returns an
/// <c>asyncLocalOutput</c>: the <c>llb.Local</c> (<c>[context NAME] load from client</c>) is made when the definition
/// is marshalled, with the dispatch state's <c>asyncLocalOpts</c> = <c>filterPaths(ds.paths)</c>, the paths that
/// COPY --from and RUN --mount from= read from that state (<c>local.followpaths</c>, sorted, none when "/" is
/// read; the target's paths always include "/"). Each COPY --from / RUN --mount from= naming something that is no
/// stage gets its own dispatch state (toCommand / detectRunMount), so its own load and its own source. v0.11.6's
/// builder/build.go made one <c>llb.Local</c> without follow paths.
/// </summary>
public sealed class LocalContextPathsTests
{
    private const string Vendor = "docker.io/library/vendor:latest";

    private static NamedContext Local(string key) => new LocalContextSource(key, key, "", ["*.md"]).ToNamedContext();

    private static ConvertResult Convert(string dockerfile, FakeContexts contexts, ConvertOptions? options = null) =>
        TestConversion.Convert(dockerfile, (options ?? TestConversion.Options) with { NamedContexts = contexts });

    private static FakeContexts Answers(params (string Name, NamedContext Context)[] answers) =>
        new(answers.ToDictionary(a => a.Name, a => a.Context));

    private static List<MarshalledOp> LocalSources(ConvertResult result, string name) =>
        [.. result.Definition.Ops.Where(o => o.Op.Source?.Identifier == "local://" + name)];

    private static string? FollowPaths(MarshalledOp op) => op.Op.Source.Attrs.GetValueOrDefault("local.followpaths");

    [Fact]
    public void EachReaderOfANameThatIsNoStageGetsItsOwnSourceWithThePathsItReads()
    {
        var result = Convert(
            "FROM alpine\nCOPY --from=vendor lib.txt /vendor/lib.txt\nRUN --mount=from=vendor,target=/v cat /v/lib.txt\n",
            Answers((Vendor, Local("vendor"))));

        var sources = LocalSources(result, "vendor");
        Assert.Equal(2, sources.Count);
        // In definition order (depth first from the target): the COPY's source, then the mount's.
        Assert.Equal(["[\"lib.txt\"]", null], sources.Select(FollowPaths));
        Assert.All(sources, s =>
        {
            Assert.Equal("[context vendor] load from client", s.Metadata.Description["llb.customname"]);
            Assert.Equal("context:vendor", s.Op.Source.Attrs["local.sharedkeyhint"]);
            Assert.Equal("[\"*.md\"]", s.Op.Source.Attrs["local.excludepatterns"]);
        });
        var file = result.Definition.Ops.Single(o => o.Op.File is not null);
        Assert.Contains(file.Op.Inputs, i => i.Digest == sources[0].Digest.Value);
        var exec = result.Definition.Ops.Single(o => o.Op.Exec is not null);
        Assert.Equal(sources[1].Digest.Value, exec.Op.Inputs[(int)exec.Op.Exec.Mounts.Single(m => m.Dest == "/v").Input].Digest);
        Assert.True(result.Definition.Ops.IndexOf(sources[0]) < result.Definition.Ops.IndexOf(file));
        Assert.True(result.Definition.Ops.IndexOf(sources[1]) < result.Definition.Ops.IndexOf(exec));
    }

    [Fact]
    public void TwoReadersOfTheSamePathsShareOneOp()
    {
        // Two llb.Local vertices with the same attributes marshal to one digest: the definition holds it once.
        var result = Convert(
            "FROM alpine\nCOPY --from=vendor /a ./b /x/\nCOPY --from=vendor b a /y/\n",
            Answers((Vendor, Local("vendor"))));

        var source = Assert.Single(LocalSources(result, "vendor"));
        Assert.Equal("[\"a\",\"b\"]", FollowPaths(source));
    }

    [Fact]
    public void AMountOfASubdirectoryFollowsThatDirectory()
    {
        var result = Convert("FROM alpine\nRUN --mount=from=vendor,source=lib/x,target=/v true\n", Answers((Vendor, Local("vendor"))));
        Assert.Equal("[\"lib/x\"]", FollowPaths(Assert.Single(LocalSources(result, "vendor"))));
    }

    [Fact]
    public void AStageNamedByALocalContextIsOneSourceWithThePathsOfAllItsReaders()
    {
        var result = Convert(
            "FROM alpine AS vendor\nRUN echo skipped\nFROM alpine\nCOPY --from=vendor /z /z\nCOPY --from=vendor /a /a\nRUN --mount=from=vendor,source=m,target=/m true\n",
            Answers(("vendor", Local("vendor"))));

        Assert.Equal("[\"a\",\"m\",\"z\"]", FollowPaths(Assert.Single(LocalSources(result, "vendor"))));
    }

    [Fact]
    public void PathsReadFromAStageReachTheContextItsBaseStandsOn()
    {
        // init() shares ds.paths with the base stage: reading /p from "app" narrows the context under "base".
        var result = Convert(
            "FROM vendor AS base\nFROM base AS app\nRUN true\nFROM alpine\nCOPY --from=app /p /p\n",
            Answers((Vendor, Local("vendor"))));

        Assert.Equal("[\"p\"]", FollowPaths(Assert.Single(LocalSources(result, "vendor"))));
    }

    [Fact]
    public void TheTargetsContextIsSentWhole()
    {
        var result = Convert(
            "FROM vendor AS base\nFROM alpine\nCOPY --from=base /p /p\nFROM base\n",
            Answers((Vendor, Local("vendor"))));

        Assert.Null(FollowPaths(Assert.Single(LocalSources(result, "vendor"))));
    }

    [Fact]
    public void AStageContextTheTargetBuildsOnIsSentWhole()
    {
        var result = Convert("FROM alpine AS vendor\nFROM vendor\nRUN true\n", Answers(("vendor", Local("vendor"))));
        Assert.Null(FollowPaths(Assert.Single(LocalSources(result, "vendor"))));
    }

    [Fact]
    public void CompatibilityProfileSendsTheWholeDirectoryOnce()
    {
        var result = Convert(
            "FROM alpine\nCOPY --from=vendor lib.txt /vendor/lib.txt\nRUN --mount=from=vendor,target=/v cat /v/lib.txt\n",
            Answers((Vendor, Local("vendor"))),
            TestConversion.Options with { Profile = BuildKitProfile.V0_11 });

        Assert.Null(FollowPaths(Assert.Single(LocalSources(result, "vendor"))));
    }
}
