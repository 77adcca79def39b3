using System.Collections.Immutable;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Converter.Tests;

/// <summary>Converter rules the corpus does not exercise, each taken from BuildKit's dockerfile2llb.</summary>
public sealed class ConverterBehaviourTests
{
    private static ConvertOptions Options => TestConversion.Options;

    private static ConvertResult Convert(string dockerfile, ConvertOptions? options = null) => TestConversion.Convert(dockerfile, options);

    private static ConvertException Rejected(string dockerfile, ConvertOptions? options = null) =>
        Assert.Throws<ConvertException>(() => Convert(dockerfile, options));

    [Fact]
    public void CopyFromAStageDefinedLaterIsAnError()
    {
        var error = Rejected("FROM alpine AS a\nCOPY --from=b /x /y\nFROM alpine AS b\n", Options with { Target = "a" });
        Assert.Equal("cannot copy from stage \"b\", it needs to be defined before current stage \"a\"", error.Message);
        Assert.Equal(2, error.Range?.StartLine);
    }

    /// <summary>
    /// dockerfile2llb v0.24.0 -lint on this file: "circular dependency detected on stage: a" at lines 3, 5 and 7 (each
    /// dependency's last referring instruction, from the first stage on a cycle around it).
    /// </summary>
    [Fact]
    public void CircularDependencyIsLocatedAtEveryInstructionOnTheCycle()
    {
        var error = Rejected("FROM alpine AS a\nCOPY --from=b /x /x\nCOPY --from=b /z /z\nFROM alpine AS b\nRUN --mount=from=c,target=/m true\n"
            + "FROM alpine AS c\nCOPY --from=a /y /y\nFROM alpine AS d\nCOPY --from=d /q /q\n");
        Assert.Equal("circular dependency detected on stage: a", error.Message);
        Assert.Equal([3, 5, 7], error.Locations.Select(l => l.StartLine));
    }

    [Fact]
    public void StageCopyingFromItselfIsACycleOfOne()
    {
        var error = Rejected("FROM busybox AS stage0\nCOPY --from=stage0 f1 /sub/\n");
        Assert.Equal("circular dependency detected on stage: stage0", error.Message);
        Assert.Equal([2], error.Locations.Select(l => l.StartLine));
    }

    [Fact]
    public void MountFromAStageDefinedLaterIsAnError()
    {
        var error = Rejected("FROM alpine AS a\nRUN --mount=from=b,target=/m true\nFROM alpine AS b\n", Options with { Target = "a" });
        Assert.Contains("stage needs to be defined before current command", error.Message);
    }

    [Fact]
    public void UnknownTargetIsNamed()
    {
        // v0.24.0: quoted, with a suggestion among the stage names (suggest.WrapError); v0.11.6: neither.
        Assert.Equal("target stage \"nope\" could not be found", Rejected("FROM alpine AS a\n", Options with { Target = "nope" }).Message);
        Assert.Equal(
            "target stage \"buidl\" could not be found (did you mean build?)",
            Rejected("FROM alpine AS build\nFROM build\n", Options with { Target = "buidl" }).Message);
        Assert.Equal(
            "target stage nope could not be found",
            Rejected("FROM alpine AS a\n", Options with { Target = "nope", Profile = Profiles.BuildKitProfile.V0_11 }).Message);
    }

    [Fact]
    public void LinkWithoutMergeOpCapIsAPlainCopy()
    {
        var withMerge = Convert("FROM alpine\nCOPY --link a /b\n");
        Assert.Contains(withMerge.Definition.Ops, o => o.Op.OpCase == Pb.Op.OpOneofCase.Merge);
        var withoutMerge = Convert("FROM alpine\nCOPY --link a /b\n", Options with { LlbCaps = LlbCaps.Of(CapId.All.Where(c => c != CapId.MergeOp)) });
        Assert.DoesNotContain(withoutMerge.Definition.Ops, o => o.Op.OpCase == Pb.Op.OpOneofCase.Merge);
        Assert.Single(withoutMerge.Definition.Ops, o => o.Op.OpCase == Pb.Op.OpOneofCase.File);
    }

    [Fact]
    public void ReadWriteBindWithoutNoOutputCapHasAnOutput()
    {
        // With exec.mount.bind.readwrite-nooutput the frontend forces no output on rw binds; without it, the mount
        // keeps an output index (BuildKit's dispatchRunMounts).
        var caps = LlbCaps.Of(CapId.All.Where(c => c != CapId.ExecMountBindReadWriteNoOutput));
        var exec = Convert("FROM alpine\nRUN --mount=type=bind,target=/m,rw true\n", Options with { LlbCaps = caps })
            .Definition.Ops.Single(o => o.Op.OpCase == Pb.Op.OpOneofCase.Exec).Op.Exec;
        Assert.Equal(1, exec.Mounts.Single(m => m.Dest == "/m").Output);
    }

    [Fact]
    public void ProxyBuildArgsBecomeProxyEnvNotEnv()
    {
        var exec = Convert("FROM alpine\nRUN true\n", Options with { BuildArgs = ImmutableDictionary<string, string>.Empty.Add("HTTP_PROXY", "http://p:3128") })
            .Definition.Ops.Single(o => o.Op.OpCase == Pb.Op.OpOneofCase.Exec);
        Assert.Equal("http://p:3128", exec.Op.Exec.Meta.ProxyEnv.HttpProxy);
        Assert.DoesNotContain(exec.Op.Exec.Meta.Env, e => e.StartsWith("HTTP_PROXY", StringComparison.Ordinal));
        Assert.True(exec.Metadata.Caps[CapId.ExecMetaProxy]);
    }

    [Fact]
    public void OnlyStagesTheTargetNeedsAreConverted()
    {
        var result = Convert("FROM alpine AS unused\nRUN echo unused\nFROM busybox\nRUN echo used\n");
        Assert.DoesNotContain(result.Definition.Ops, o => o.Op.Source?.Identifier == "docker-image://docker.io/library/alpine:latest");
        Assert.DoesNotContain(result.Definition.Ops, o => o.Op.Exec?.Meta.Args.Contains("echo unused") == true);
    }

    [Fact]
    public void PatternModifiersWorkInInstructions()
    {
        var result = Convert("FROM alpine\nARG V=1.2.3-rc1\nENV MAJOR=${V%%.*} PRE=${V#*-} UNDER=${V//./_}\nWORKDIR /app/${V%-*}\n");
        Assert.Contains("MAJOR=1", result.Image.Config.Env);
        Assert.Contains("PRE=rc1", result.Image.Config.Env);
        Assert.Contains("UNDER=1_2_3-rc1", result.Image.Config.Env);
        Assert.Equal("/app/1.2.3", result.Image.Config.WorkingDir);
    }

    [Fact]
    public void EmptyDockerfileIsRejected() => Assert.Equal("the Dockerfile cannot be empty", Rejected("").Message);
}
