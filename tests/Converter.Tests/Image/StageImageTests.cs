using System.Collections.Immutable;
using System.Text.Json.Nodes;
using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Converter.Tests.Image;

public sealed class StageImageTests
{
    private const string UnixPath = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    [Fact]
    public void ScratchIsTheTargetPlatformWithDefaultPathAndRootWorkdir()
    {
        var image = StageImage.Scratch(new LlbPlatform("linux", "arm", "v7"));

        Assert.Equal(
            """{"architecture":"arm","variant":"v7","os":"linux","rootfs":{"type":"layers","diff_ids":null},"config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"WorkingDir":"/","OnBuild":null}}""",
            ImageConfigWriter.ToJson(image, ImageConfigLayout.BuildKitV011));

        // v0.24.0 (DockerOCIImage): variant after os, no OnBuild.
        Assert.Equal(
            """{"architecture":"arm","os":"linux","variant":"v7","rootfs":{"type":"layers","diff_ids":null},"config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"WorkingDir":"/"}}""",
            ImageConfigWriter.ToJson(image));
        Assert.Equal(["PATH=c:\\Windows\\System32;c:\\Windows"], StageImage.Scratch(new LlbPlatform("windows", "amd64")).Config.Env.ToArray());

        // v0.24.0 leaves PATH to Windows (#5445).
        Assert.Empty(StageImage.Scratch(new LlbPlatform("windows", "amd64"), windowsRules: true).Config.Env);
    }

    [Fact]
    public void FromBaseDropsOnlyTheCreationTime()
    {
        var base_ = ImageConfigReader.Parse("""{"created":"2020-01-01T00:00:00Z","os":"linux","history":[{"created":"2020-01-01T00:00:00Z"}]}""");

        var image = StageImage.FromBase(base_);

        Assert.Null(image.Created);
        Assert.Equal(base_ with { Created = null }, image);
        Assert.NotNull(image.History[0].Created);
    }

    [Theory]
    [InlineData("""{"rootfs":{"type":"layers","diff_ids":null}}""", true)]
    [InlineData("""{"rootfs":{"type":"layers","diff_ids":[]},"history":[{"empty_layer":true}]}""", true)]
    [InlineData("""{"rootfs":{"type":"layers","diff_ids":[]},"history":[{"empty_layer":true},{}]}""", false)]
    [InlineData("""{"rootfs":{"type":"layers","diff_ids":["sha256:0"]}}""", false)]
    public void IsScratchWhenNoLayersAndNoNonEmptyHistory(string json, bool scratch) =>
        Assert.Equal(scratch, StageImage.IsScratch(ImageConfigReader.Parse(json)));

    [Fact]
    public void AutoDetectPrefersTargetThenMatchingBuildPlatform()
    {
        var arm = ImageConfigReader.Parse("""{"os":"linux","architecture":"arm64"}""");
        var armV8 = new LlbPlatform("linux", "arm64", "v8");
        var amd64 = LlbPlatform.LinuxAmd64;

        Assert.Same(armV8, StageImage.AutoDetectPlatform(arm, amd64, [amd64, armV8]));
        Assert.Same(amd64, StageImage.AutoDetectPlatform(arm, amd64, [amd64]));
        Assert.Same(amd64, StageImage.AutoDetectPlatform(ImageConfig.Empty, amd64, [armV8]));
    }

    [Fact]
    public void StartAddsPathWhenMissingAndListsStateSettings()
    {
        var image = ImageConfigReader.Parse(
            """{"config":{"Env":["A=1","B","C=x=y"],"User":"app","WorkingDir":"/srv","OnBuild":["RUN a","RUN b"]}}""");

        var start = StageImage.Start(image, "linux");

        Assert.Equal(["A=1", "B", "C=x=y", UnixPath], start.Image.Config.Env.ToArray());
        Assert.Equal(
            [KeyValuePair.Create("A", "1"), KeyValuePair.Create("B", ""), KeyValuePair.Create("C", "x=y"), KeyValuePair.Create("PATH", UnixPath[5..])],
            start.Env.ToArray());
        Assert.Equal("/srv", start.WorkingDir);
        Assert.Equal("/srv", start.Image.Config.WorkingDir);
        Assert.Equal("app", start.User);
        Assert.Equal(["RUN a", "RUN b"], start.OnBuildTriggers.ToArray());
        Assert.Null(start.Image.Config.OnBuild);
    }

    [Fact]
    public void StartKeepsAnExistingPathAndUsesTheOsDefaultOtherwise()
    {
        var withPath = StageImage.Start(ImageConfigReader.Parse("""{"config":{"Env":["PATH=/x"]}}"""), "windows");
        var windows = StageImage.Start(ImageConfig.Empty, "windows");
        var unknown = StageImage.Start(ImageConfig.Empty, null);

        Assert.Equal(["PATH=/x"], withPath.Image.Config.Env.ToArray());
        Assert.Equal(["PATH=c:\\Windows\\System32;c:\\Windows"], windows.Image.Config.Env.ToArray());
        Assert.Equal([UnixPath], unknown.Image.Config.Env.ToArray());
        Assert.Null(unknown.WorkingDir);
        Assert.Null(unknown.User);
        Assert.Empty(unknown.OnBuildTriggers);
    }

    [Fact]
    public void StartJoinsARelativeWorkingDirOntoItselfInTheImageOnly()
    {
        var start = StageImage.Start(ImageConfigReader.Parse("""{"config":{"WorkingDir":"app/"}}"""), "linux");

        Assert.Equal("app/", start.WorkingDir);
        Assert.Equal("/app/app", start.Image.Config.WorkingDir);
    }

    [Fact]
    public void ClampTimesCapsAndFillsHistoryTimes()
    {
        var image = ImageConfigReader.Parse(
            """{"created":"2030-01-01T00:00:00Z","history":[{"created":"2000-01-01T00:00:00Z"},{"created":"2030-01-01T00:00:00Z"},{}]}""");
        var epoch = ImageTime.FromUnixSeconds(1_000_000_000);

        var clamped = StageImage.ClampTimes(image, epoch);

        Assert.Equal(epoch, clamped.Created);
        Assert.Equal(
            ["2000-01-01T00:00:00Z", "2001-09-09T01:46:40Z", "2001-09-09T01:46:40Z"],
            clamped.History.Select(h => h.Created!.Value.ToString()));
        Assert.Same(image, StageImage.ClampTimes(image, null));
    }

    [Fact]
    public void FinishAddsLabelsAndOverridesPlatformWhenExplicit()
    {
        var image = StageImage.Scratch(LlbPlatform.LinuxAmd64)
            .WithConfig(c => c.WithLabels([KeyValuePair.Create("a", "1"), KeyValuePair.Create("b", "2")]));

        var finished = StageImage.Finish(image, new LlbPlatform("linux", "arm", "v6"), new Dictionary<string, string> { ["b"] = "x", ["c"] = "3" });

        Assert.Equal(("linux", "arm", "v6"), (finished.OS, finished.Architecture, finished.Variant));
        Assert.Equal("a=1 b=x c=3", string.Join(" ", finished.Config.Labels.Select(p => p.Key + "=" + p.Value)));
        Assert.Same(image, StageImage.Finish(image, null, null));
    }

    [Fact]
    public void WithEnvReplacesTheFirstMatchingKeyInPlaceOrAppends()
    {
        var config = new ContainerConfig { Env = ["A=1", "B=2", "A=3"] };

        Assert.Equal(["A=9", "B=2", "A=3"], config.WithEnv("A", "9").Env.ToArray());
        Assert.Equal(["A=1", "B=2", "A=3", "a=9"], config.WithEnv("a", "9").Env.ToArray());
    }

    [Fact]
    public void ShellOrDefaultFollowsTheImageOs()
    {
        Assert.Equal(["/bin/sh", "-c"], ContainerConfig.Empty.ShellOrDefault("linux"));
        Assert.Equal(["/bin/sh", "-c"], ContainerConfig.Empty.ShellOrDefault(""));
        Assert.Equal(["cmd", "/S", "/C"], ContainerConfig.Empty.ShellOrDefault("windows"));
        Assert.Equal(["/bin/bash", "-c"], new ContainerConfig { Shell = ["/bin/bash", "-c"] }.ShellOrDefault("windows"));
    }

    [Fact]
    public void HistoryEntriesAsTheFrontendCommitsThem()
    {
        var image = ImageConfig.Empty
            .WithHistory("ENV A=1", withLayer: false)
            .WithHistory("RUN /bin/sh -c true", withLayer: true, ranAsOperation: true)
            .WithHistory("WORKDIR /x", withLayer: true, created: ImageTime.FromUnixSeconds(0));

        Assert.Equal(
            """[{"created_by":"ENV A=1","comment":"buildkit.dockerfile.v0","empty_layer":true},{"created_by":"RUN /bin/sh -c true # buildkit","comment":"buildkit.dockerfile.v0"},{"created":"1970-01-01T00:00:00Z","created_by":"WORKDIR /x","comment":"buildkit.dockerfile.v0"}]""",
            JsonNode.Parse(ImageConfigWriter.ToJson(image))!["history"]!.ToJsonString());
    }

    // The reference cases below, replayed with these helpers the way the converter will use them.
    [Fact]
    public void ReplaysScratchCase()
    {
        var start = StageImage.Start(StageImage.Scratch(LlbPlatform.LinuxAmd64), null);
        var image = start.Image
            .WithConfig(c => c.WithEnv("FOO", "bar")).WithHistory("ENV FOO=bar", false)
            .WithHistory("COPY f1 f2 /sub/", true, true)
            .WithHistory("RUN /bin/sh -c ls -l", true, true);

        AssertMatchesReference("bk-convert-L29", StageImage.Finish(image, LlbPlatform.LinuxAmd64));
    }

    [Fact]
    public async Task ReplaysBaseImageWithUserShellOnBuild()
    {
        var resolver = FileImageMetadataResolver.Load(Path.Combine(TestPaths.ConformanceDir, "fixtures", "images.json"));
        var resolved = await resolver.ResolveAsync(Ref("nonroot"), LlbPlatform.LinuxAmd64);

        var start = StageImage.Start(StageImage.FromBase(resolved.Config), "linux");
        Assert.Equal(["RUN echo onbuild-from-base"], start.OnBuildTriggers.ToArray());
        Assert.Equal(("/home/app", "app:app"), (start.WorkingDir, start.User));

        var image = start.Image;
        var shell = string.Join(" ", image.Config.ShellOrDefault(image.OS));
        image = image
            .WithHistory($"RUN {shell} echo onbuild-from-base", true, true)
            .WithHistory($"RUN {shell} echo \"$HOME\" && id", true, true)
            .WithConfig(c => c with { Shell = ["/bin/sh", "-ec"] }).WithHistory("SHELL [/bin/sh -ec]", false);
        shell = string.Join(" ", image.Config.ShellOrDefault(image.OS));
        image = image
            .WithHistory($"RUN {shell} echo in shell", true, true)
            .WithConfig(c => c with { User = "root" }).WithHistory("USER root", false)
            .WithConfig(c => c with { WorkingDir = PosixPath.Join("/", c.WorkingDir, "sub") }).WithHistory("WORKDIR /home/app/sub", true)
            .WithHistory($"RUN {shell} pwd", true, true);

        AssertMatchesReference("hand-base-user-shell-onbuild", StageImage.Finish(image, LlbPlatform.LinuxAmd64));
    }

    [Fact]
    public async Task ReplaysExplicitTargetPlatformOverridingBase()
    {
        var resolver = FileImageMetadataResolver.Load(Path.Combine(TestPaths.ConformanceDir, "fixtures", "images.json"));
        var target = LlbPlatform.Parse("linux/arm64");
        var resolved = await resolver.ResolveAsync(Ref("python:3.12-slim"), LlbPlatform.LinuxAmd64);

        var image = StageImage.Start(StageImage.FromBase(resolved.Config), "linux").Image
            .WithHistory("RUN /bin/sh -c python3 -V", true, true);

        AssertMatchesReference("hand-multi-platform-fixture", StageImage.Finish(image, target));
    }

    private static void AssertMatchesReference(string caseName, ImageConfig image) =>
        Assert.Equal(
            File.ReadAllText(ReferenceCorpus.V011.Expected(caseName, "image.json")),
            ImageConfigWriter.ToIndentedJson(image, ImageConfigLayout.BuildKitV011));

    private static ImageReference Ref(string text) =>
        ImageReference.TryParseNormalized(text, out var error) ?? throw new ArgumentException(error, nameof(text));
}
