using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Dockerfile.Contexts;
using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb;
using Pb;

namespace CSharpFrontend.Converter.Tests.Contexts;

/// <summary>
/// Where and how dockerfile2llb (v0.11.6 convert.go) asks for named contexts and uses the answers: stage names
/// before anything else (the stage's instructions are then skipped), base images and images named by
/// <c>COPY --from</c> / <c>RUN --mount from=</c> after normalization, never <c>scratch</c> or <c>context</c>.
/// </summary>
public sealed class NamedContextConverterTests
{
    private const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private static ConvertOptions Options => TestConversion.Options;

    private static readonly LlbState ContextDir = Sources.Local("ctxdir", new LocalOptions { SharedKeyHint = "ctxdir" });

    private static ConvertResult Convert(string dockerfile, FakeContexts contexts, ConvertOptions? options = null) =>
        TestConversion.Convert(dockerfile, (options ?? Options) with { NamedContexts = contexts });

    private static FakeContexts Answers(params (string Name, NamedContext Context)[] answers) =>
        new(answers.ToDictionary(a => a.Name, a => a.Context));

    private static IEnumerable<Op> Ops(ConvertResult result) => result.Definition.Ops.Select(o => o.Op);

    private static Op Head(ConvertResult result) =>
        result.Definition.Ops.Single(o => o.Digest.Value == result.Definition.Head!.Value.Value).Op;

    [Fact]
    public void AStageNamedByAContextIsTheContextAndItsInstructionsDoNotRun()
    {
        var contexts = Answers(("build", new NamedContext(ContextDir, null)));
        var result = Convert("FROM alpine AS build\nRUN echo skipped\nFROM build\nRUN echo used\n", contexts);

        Assert.DoesNotContain(Ops(result), o => o.Exec?.Meta.Args.Contains("echo skipped") == true);
        Assert.DoesNotContain(Ops(result), o => o.Source?.Identifier.StartsWith("docker-image://", StringComparison.Ordinal) == true);
        var exec = Head(result).Exec;
        Assert.Equal(["/bin/sh", "-c", "echo used"], exec.Meta.Args);
        var input = result.Definition.Ops.Single(o => o.Digest.Value == Head(result).Inputs[0].Digest).Op;
        Assert.Equal("local://ctxdir", input.Source.Identifier);
    }

    [Fact]
    public void StageNamesAreAskedWithTheirPlatformAndNeverForScratchOrContext()
    {
        var contexts = Answers();
        Convert("FROM alpine AS context\nFROM --platform=linux/arm64 alpine AS build\nFROM scratch AS out\nCOPY --from=build /a /b\n", contexts, Options with { Target = "out" });

        var stageRequests = contexts.Requests.Where(r => !r.Name.Contains('/')).ToList();
        Assert.Equal(
            [new NamedContextRequest("build", "default", new LlbPlatform("linux", "arm64")), new NamedContextRequest("out", "default", LlbPlatform.LinuxAmd64)],
            stageRequests);
        Assert.DoesNotContain(contexts.Requests, r => r.Name.Equals("scratch", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void WithoutATargetPlatformAStageIsAskedWithoutOne()
    {
        var contexts = Answers();
        Convert("FROM alpine AS build\n", contexts, Options with { TargetPlatform = null });
        Assert.Contains(new NamedContextRequest("build", "default", null), contexts.Requests);
    }

    [Fact]
    public void BaseImagesAreAskedNormalizedWithTheResolveModeAndPlatform()
    {
        var contexts = Answers();
        Convert("FROM alpine\nCOPY --from=busybox:1.36 /a /b\nRUN --mount=from=ghcr.io/x/y,target=/m true\n", contexts, Options with { ImageResolveMode = ResolveMode.ForcePull });

        Assert.Equal(
            ["docker.io/library/alpine:latest", "docker.io/library/busybox:1.36", "ghcr.io/x/y:latest"],
            contexts.Requests.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.All(contexts.Requests, r => Assert.Equal(("pull", LlbPlatform.LinuxAmd64), (r.ResolveMode, r.Platform)));
    }

    [Fact]
    public void AStageContextsHistoryIsClampedToTheSourceDateEpoch()
    {
        // convert.go's clampTimes on a stage replaced by a context: history times after the epoch, and missing
        // ones, become the epoch; so does the image's created time when it is later.
        var epoch = ImageTime.FromUnixSeconds(1_600_000_000);
        var later = ImageTime.FromUnixSeconds(1_700_000_000);
        var earlier = ImageTime.FromUnixSeconds(1_500_000_000);
        var image = new ImageConfig
        {
            Architecture = "amd64",
            OS = "linux",
            Created = later,
            History = [new HistoryEntry { Created = later }, new HistoryEntry { CreatedBy = "no time" }, new HistoryEntry { Created = earlier }],
        };
        var contexts = Answers(("build", new NamedContext(ContextDir, image)));

        var clamped = Convert("FROM alpine AS build\n", contexts, Options with { SourceDateEpoch = epoch }).Image;
        Assert.Equal([epoch, epoch, earlier], clamped.History.Select(h => h.Created));
        Assert.Equal(epoch, clamped.Created);

        var untouched = Convert("FROM alpine AS build\n", contexts).Image;
        Assert.Equal([later, null, earlier], untouched.History.Select(h => h.Created));
    }

    [Fact]
    public void ABaseImageContextGivesStateAndConfigToTheStage()
    {
        var image = new ImageConfig
        {
            Architecture = "amd64",
            OS = "linux",
            Config = new ContainerConfig { Env = ["FOO=bar"], WorkingDir = "/work", User = "nobody" },
        };
        var contexts = Answers(("docker.io/library/alpine:latest", new NamedContext(ContextDir, image)));
        var result = Convert("FROM alpine\nRUN true\n", contexts);

        var exec = Head(result).Exec;
        // The stage starts from the context's config: its env plus PATH (added when missing), workdir and user.
        Assert.Equal(["FOO=bar", "PATH=" + DefaultPath], exec.Meta.Env);
        Assert.Equal("/work", exec.Meta.Cwd);
        Assert.Equal("nobody", exec.Meta.User);
        Assert.Equal("local://ctxdir", result.Definition.Ops.Single(o => o.Digest.Value == Head(result).Inputs[0].Digest).Op.Source.Identifier);
        Assert.Equal("nobody", result.Image.Config.User);
        Assert.DoesNotContain(Ops(result), o => o.Source?.Identifier.StartsWith("docker-image://", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void ABaseImageContextWithoutConfigStartsFromTheEmptyImage()
    {
        var contexts = Answers(("docker.io/library/alpine:latest", new NamedContext(ContextDir, null)));
        var result = Convert("FROM alpine\n", contexts);

        // emptyImage(targetPlatform): the platform, rootfs "layers", workdir "/" and the default PATH.
        Assert.Equal(["PATH=" + DefaultPath], result.Image.Config.Env.ToArray());
        Assert.Equal("/", result.Image.Config.WorkingDir);
        Assert.Equal("layers", result.Image.RootFs.Type);
    }

    [Fact]
    public void ExecsOnABaseImageContextRunOnTheStagePlatformNotTheContexts()
    {
        // The context state is re-platformed to the stage's platform (st.Platform(*platform)).
        var arm = Sources.Image("docker.io/library/other:latest", new ImageOptions { Constraints = OpConstraints.None with { Platform = new LlbPlatform("linux", "arm64") } });
        var contexts = Answers(("docker.io/library/alpine:latest", new NamedContext(arm, null)));
        var result = Convert("FROM alpine\nRUN true\n", contexts);
        Assert.Equal("amd64", Head(result).Platform.Architecture);
    }

    [Fact]
    public void CopyFromAndMountFromReadTheContext()
    {
        var contexts = Answers(("docker.io/library/tools:latest", new NamedContext(ContextDir, null)));
        var result = Convert("FROM alpine\nCOPY --from=tools /a /b\nRUN --mount=from=tools,target=/t true\n", contexts);

        var local = result.Definition.Ops.Single(o => o.Op.Source?.Identifier == "local://ctxdir").Digest.Value;
        var file = Ops(result).Single(o => o.File is not null);
        Assert.Contains(file.Inputs, i => i.Digest == local);
        Assert.Contains(Head(result).Inputs, i => i.Digest == local);
        Assert.DoesNotContain(Ops(result), o => o.Source?.Identifier == "docker-image://docker.io/library/tools:latest");
    }

    [Fact]
    public void ARelativeCopyFromAContextIsFromTheRootNotTheContextsWorkingDirectory()
    {
        var state = ContextSources.WithImageConfig(ContextDir, new ImageConfig { Config = new ContainerConfig { WorkingDir = "/app" } });
        var contexts = Answers(("docker.io/library/tools:latest", new NamedContext(state, null)));
        var result = Convert("FROM alpine\nCOPY --from=tools bin /b\n", contexts);
        // dispatchCopy joins every source to "/" (filepath.Join("/", src)) before llb.Copy sees it.
        Assert.Equal("/bin", Ops(result).Single(o => o.File is not null).File.Actions[0].Copy.Src);
    }

    [Fact]
    public void AStageContextWithAnImageTakesItsConfigAndPlatform()
    {
        var image = new ImageConfig { Architecture = "arm64", OS = "linux", Config = new ContainerConfig { Env = ["A=1"] } };
        var contexts = Answers(("base", new NamedContext(ContextDir, image)));
        var result = Convert("FROM alpine AS base\nFROM base\nRUN true\n", contexts, Options with { TargetPlatform = null });

        Assert.Equal(["A=1", "PATH=" + DefaultPath], Head(result).Exec.Meta.Env);
        Assert.Equal("arm64", result.Image.Architecture);
    }

    [Fact]
    public void ATargetStageContextWithoutImageHasAnEmptyConfig()
    {
        var contexts = Answers(("base", new NamedContext(ContextDir, null)));
        var result = Convert("FROM alpine AS base\nRUN true\n", contexts, Options with { TargetPlatform = null });

        Assert.Empty(result.Image.Config.Env);
        Assert.Equal("", result.Image.Config.WorkingDir);
        Assert.Equal("local://ctxdir", Head(result).Source.Identifier);
    }

    [Fact]
    public void AFailedBaseLookupIsLocatedAtItsFrom()
    {
        // Only reachable stages load their base's context (resolveReachableStages), the error placed at the FROM.
        var contexts = new FakeContexts(new Dictionary<string, NamedContext>()) { FailWith = "no such context" };
        var error = Assert.Throws<ConvertException>(() => Convert("FROM alpine\nFROM busybox\n", contexts, Options));
        Assert.Equal("no such context", error.Message);
        Assert.Equal(2, error.Range?.StartLine);
    }

    [Fact]
    public void OnlyReachableStagesLoadTheirContexts()
    {
        // v0.24.0 looks a stage name up when registering the stage (Client.NamedContext, which loads nothing) and
        // loads it, like a base image's context, only in resolveReachableStages for a reachable stage: an unused
        // stage's context is never resolved or sent for.
        var contexts = Answers(("unused", new NamedContext(ContextDir, null)), ("docker.io/library/busybox:latest", new NamedContext(ContextDir, null)));
        var result = Convert("FROM alpine AS unused\nFROM busybox AS other\nFROM alpine\nRUN true\n", contexts);

        Assert.Contains(contexts.Requests, r => r.Name == "unused");
        Assert.Equal(["docker.io/library/alpine:latest"], contexts.Loads.Select(r => r.Name));
        Assert.DoesNotContain(Ops(result), o => o.Source?.Identifier == "local://ctxdir");
    }

    [Fact]
    public void AStageNamedByAContextForgetsTheStageItsFromNames()
    {
        // addState sets ds.base from the FROM name; v0.24.0 resets it for a context stage (ds.base = nil), so the
        // stage it named is not reachable through it and its base is never looked up.
        var contexts = Answers(("base", new NamedContext(ContextDir, null)));
        Convert("FROM busybox AS build\nFROM build AS base\nFROM base\nRUN true\n", contexts);
        Assert.Equal(["base"], contexts.Loads.Select(r => r.Name));
    }

    [Fact]
    public void CompatibilityProfileLoadsEveryContextReachableOrNot()
    {
        // v0.11.6 convert.go: ContextByName (lookup and load) for every stage name at registration, and for every
        // base image in the resolve loop, without looking at reachability.
        var contexts = Answers(("unused", new NamedContext(ContextDir, null)));
        Convert("FROM alpine AS unused\nFROM busybox AS other\nFROM alpine\nRUN true\n", contexts, Options with { Profile = Profiles.BuildKitProfile.V0_11 });
        Assert.Equal(
            ["docker.io/library/alpine:latest", "docker.io/library/busybox:latest", "unused"],
            contexts.Loads.Select(r => r.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void CompatibilityProfileLeavesAStageContextLoadErrorUnplaced()
    {
        var contexts = new FakeContexts(new Dictionary<string, NamedContext> { ["base"] = new(ContextDir, null) }) { FailWith = "bad context" };
        var error = Assert.Throws<ConvertException>(() => Convert("FROM alpine AS base\nFROM base\n", contexts, Options with { Profile = Profiles.BuildKitProfile.V0_11 }));
        Assert.Equal("bad context", error.Message);
        Assert.Null(error.Range);
    }

    [Fact]
    public void AStageContextLoadErrorIsLocatedAtTheStage()
    {
        var contexts = new FakeContexts(new Dictionary<string, NamedContext> { ["base"] = new(ContextDir, null) }) { FailWith = "bad context" };
        var error = Assert.Throws<ConvertException>(() => Convert("FROM alpine AS base\nFROM base\n", contexts, Options));
        Assert.Equal("bad context", error.Message);
        Assert.Equal(1, error.Range?.StartLine);
    }

    [Fact]
    public void AGivenBuildContextReplacesTheLocalContext()
    {
        var git = Sources.Git("github.com/moby/buildkit", "v0.11.6");
        var result = Convert("FROM alpine\nCOPY . /src\n", Answers(), Options with { BuildContext = git });

        Assert.DoesNotContain(Ops(result), o => o.Source?.Identifier.StartsWith("local://", StringComparison.Ordinal) == true);
        var gitDigest = result.Definition.Ops.Single(o => o.Op.Source?.Identifier == "git://github.com/moby/buildkit#v0.11.6").Digest.Value;
        Assert.Contains(Ops(result).Single(o => o.File is not null).Inputs, i => i.Digest == gitDigest);
    }

    /// <summary>
    /// v0.24.0's convert.go: a stage named by a context whose image has an OS and an architecture takes that platform
    /// (its steps show it when several platforms are built); an image without them leaves the target's.
    /// </summary>
    [Theory]
    [InlineData("linux", "arm64", "[linux/arm64 stage-1 1/1] COPY a /a")]
    [InlineData("", "arm64", "[linux/amd64 stage-1 1/1] COPY a /a")]
    [InlineData("linux", "", "[linux/amd64 stage-1 1/1] COPY a /a")]
    public void AStageContextsImageGivesItsPlatform(string os, string architecture, string copyName)
    {
        var image = new ImageConfig { OS = os, Architecture = architecture };
        var contexts = Answers(("build", new NamedContext(ContextDir, image)));
        var result = Convert("FROM alpine AS build\nFROM build\nCOPY a /a\n", contexts, Options with { PrefixPlatform = true });
        Assert.Contains(copyName, result.Definition.Definition.Metadata.Values.Select(m => m.Description.TryGetValue("llb.customname", out var name) ? name : ""));
    }
}
