using System.Collections.Immutable;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Dockerfile.Contexts;
using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Converter.Llb.Marshal;
using Pb;

namespace CSharpFrontend.Converter.Tests.Contexts;

/// <summary>
/// builder/build.go's contextByNameFunc/contextByName (v0.11.6; dockerui's NamedContext in v0.24.0): keys, precedence of <c>name::platform</c>, and the
/// source built for each kind of value.
/// </summary>
public sealed class NamedContextLookupTests
{
    private static readonly LlbPlatform Arm64 = new("linux", "arm64");

    [Theory]
    [InlineData("docker.io/library/alpine:latest", "alpine")]
    [InlineData("docker.io/library/alpine:3.18", "alpine:3.18")]
    [InlineData("docker.io/foo/bar:latest", "foo/bar")]
    [InlineData("ghcr.io/a/b:latest", "ghcr.io/a/b")]
    [InlineData("localhost:5000/x:1", "localhost:5000/x:1")]
    [InlineData("build", "build")]
    [InlineData("docker.io/library/alpine@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "alpine@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void NamesAreLookedUpInFamiliarFormWithoutLatest(string name, string familiar) =>
        Assert.Equal(familiar, ContextNames.Familiar(name));

    [Fact]
    public void AnInvalidNameIsAnError() =>
        Assert.Equal("invalid context name build-: invalid reference format", Assert.Throws<ConvertException>(() => ContextNames.Familiar("build-")).Message);

    [Fact]
    public void KeysArePlatformFirstThenPlain()
    {
        Assert.Equal(["base::linux/arm64", "base"], ContextNames.Keys("base", new LlbPlatform("linux", "arm64", "v8")));

        // dockerui's contextByName: name + "::" + platforms.FormatAll(platforms.Normalize(p)).
        Assert.Equal(["base::windows(10.0.17763)/amd64", "base"], ContextNames.Keys("base", new LlbPlatform("Windows", "x86_64", "", "10.0.17763")));
        Assert.Equal(["base::linux/arm/v7", "base"], ContextNames.Keys("base", new LlbPlatform("linux", "arm")));
    }

    [Theory]
    [InlineData("nocolon", "invalid context specifier nocolon for x")]
    [InlineData("ftp://host/file", "unsupported context source ftp for x")]
    public void BadValuesAreRejected(string value, string message) =>
        Assert.Equal(message, Assert.Throws<ConvertException>(() => ContextSpec.Parse(value, "x")).Message);

    [Theory]
    [InlineData("git@github.com:moby/buildkit.git", ContextKind.Git)]
    [InlineData("https://github.com/moby/buildkit.git", ContextKind.Git)]
    [InlineData("https://example.com/file.tar", ContextKind.Http)]
    [InlineData("docker-image://alpine", ContextKind.DockerImage)]
    [InlineData("local:dir", ContextKind.Local)]
    [InlineData("input:in", ContextKind.Input)]
    public void ValuesAreClassifiedAsUpstream(string value, ContextKind kind) =>
        Assert.Equal(kind, ContextSpec.Parse(value, "x").Kind);

    [Fact]
    public async Task ADockerImageIsTheUnpinnedImageWithItsConfigApplied()
    {
        var config = new ImageConfig
        {
            Architecture = "arm64",
            OS = "linux",
            Created = ImageTime.FromUnixSeconds(1),
            Config = new ContainerConfig { Env = ["A=1"], WorkingDir = "/w" },
        };
        var images = new RecordingImages(new ResolvedImage("sha256:" + new string('a', 64), config));
        var lookup = Lookup(new() { ["base"] = "docker-image://alpine:3.18" }, images);

        var context = await lookup.ResolveAsync(new NamedContextRequest("base", "pull", Arm64), CancellationToken.None);

        var (reference, platform, options) = Assert.Single(images.Requests);
        Assert.Equal("docker.io/library/alpine:3.18", reference.ToString());
        Assert.Equal(Arm64, platform);
        Assert.Equal(new ImageResolveOptions("pull", "[context base] load metadata for alpine:3.18"), options);
        Assert.NotNull(context);
        Assert.Null(context.Image!.Created);
        Assert.Equal("/w", context.State.Dir);
        Assert.Equal("1", context.State.Env.Entries.Single(e => e.Key == "A").Value);
        Assert.Equal(Arm64, context.State.Platform);

        var op = Single(context.State);
        Assert.Equal("docker-image://docker.io/library/alpine:3.18", op.Op.Source.Identifier);
        Assert.Empty(op.Op.Source.Attrs);
        Assert.Equal("arm64", op.Op.Platform.Architecture);
        Assert.Equal("[context base] alpine:3.18", op.Metadata.Description["llb.customname"]);
    }

    [Fact]
    public async Task ThePlatformKeyWinsAndTheDefaultPlatformFillsIn()
    {
        var lookup = Lookup(new() { ["base"] = "docker-image://scratch", ["base::linux/amd64"] = "https://example.com/a.txt" });

        var context = await lookup.ResolveAsync(new NamedContextRequest("docker.io/library/base:latest", "default", null), CancellationToken.None);
        var op = Single(context!.State);
        Assert.Equal("https://example.com/a.txt", op.Op.Source.Identifier);
        Assert.Equal("[context base::linux/amd64] https://example.com/a.txt", op.Metadata.Description["llb.customname"]);

        var other = await lookup.ResolveAsync(new NamedContextRequest("base", "default", Arm64), CancellationToken.None);
        Assert.Null(other!.State.Output);
        Assert.Null(other.Image);
        Assert.Null(await lookup.ResolveAsync(new NamedContextRequest("none", "default", null), CancellationToken.None));
    }

    [Fact]
    public async Task AGitUrlIsAGitSourceKeepingTheGitDirectoryOnlyInTheCompatibilityProfile()
    {
        const string url = "https://github.com/moby/buildkit.git#v0.11.6:frontend";
        var context = await Lookup(new() { ["src"] = url }).ResolveAsync(new NamedContextRequest("src", "default", null), CancellationToken.None);

        var op = Single(context!.State);
        // llb.Git keeps the remote as written minus its scheme (".git" included) and appends "#commit:subdir".
        Assert.Equal("git://github.com/moby/buildkit.git#v0.11.6:frontend", op.Op.Source.Identifier);
        // v0.24's NamedContext.load: DetectGitContext(input, nil), no keep-git-dir unless the URL's query asks.
        Assert.False(op.Op.Source.Attrs.ContainsKey("git.keepgitdir"));
        Assert.Equal("https://github.com/moby/buildkit.git", op.Op.Source.Attrs["git.fullurl"]);
        Assert.Equal("[internal] load git source " + url, op.Metadata.Description["llb.customname"]);
        Assert.Null(context.Image);

        // v0.11.6's contextByName: detectGitContext(v, true).
        var v011 = new NamedContextLookup(
            ImmutableDictionary<string, string>.Empty.Add("src", url), LlbPlatform.LinuxAmd64, OfflineImageMetadataResolver.Instance, new RecordingLoader(),
            Profiles.BuildKitProfile.V0_11);
        var kept = Single((await v011.ResolveAsync(new NamedContextRequest("src", "default", null), CancellationToken.None))!.State);
        Assert.Equal("true", kept.Op.Source.Attrs["git.keepgitdir"]);
        Assert.Equal(op.Op.Source.Identifier, kept.Op.Source.Identifier);
    }

    [Fact]
    public void ContainsLooksUpWithoutLoading()
    {
        // dockerui's Client.NamedContext: the familiar name with the platform, then without; nothing is loaded.
        var loader = new RecordingLoader();
        var lookup = Lookup(new() { ["a"] = "local:dir", ["b::linux/arm64"] = "nocolon" }, loader: loader);
        Assert.True(lookup.Contains(new NamedContextRequest("docker.io/library/a:latest", "default", null)));
        Assert.True(lookup.Contains(new NamedContextRequest("b", "default", Arm64)));
        Assert.False(lookup.Contains(new NamedContextRequest("b", "default", null)));
        Assert.Empty(loader.Calls);
    }

    [Fact]
    public async Task LocalAndInputGoToTheLoader()
    {
        var loader = new RecordingLoader();
        var lookup = Lookup(new() { ["a"] = "local:dir", ["b::linux/arm64"] = "input:in" }, loader: loader);
        await lookup.ResolveAsync(new NamedContextRequest("a", "default", Arm64), CancellationToken.None);
        await lookup.ResolveAsync(new NamedContextRequest("b", "default", Arm64), CancellationToken.None);
        Assert.Equal(["local a dir", "input b::linux/arm64 in"], loader.Calls);
    }

    [Fact]
    public void ALocalContextIsTheDirectoryWithItsExcludesAndNoUniqueIdBesideTheSession()
    {
        var op = Single(ContextSources.Local("a", "dir", "sess", ["*.md"]));
        Assert.Equal("local://dir", op.Op.Source.Identifier);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["local.excludepatterns"] = "[\"*.md\"]",
                ["local.session"] = "sess",
                ["local.sharedkeyhint"] = "context:a",
            },
            op.Op.Source.Attrs);
        Assert.Equal("[context a] load from client", op.Metadata.Description["llb.customname"]);

        var ignore = Single(ContextSources.LocalIgnoreFile("a", "dir", "sess"));
        Assert.Equal("[\".dockerignore\"]", ignore.Op.Source.Attrs["local.followpaths"]);
        Assert.Equal("context:a-.dockerignore", ignore.Op.Source.Attrs["local.sharedkeyhint"]);
        Assert.Equal("none", ignore.Op.Source.Attrs["local.differ"]);
        Assert.Equal("[context a] load .dockerignore", ignore.Metadata.Description["llb.customname"]);
    }

    private static NamedContextLookup Lookup(Dictionary<string, string> contexts, IImageMetadataResolver? images = null, INamedContextLoader? loader = null) =>
        new(contexts.ToImmutableDictionary(), LlbPlatform.LinuxAmd64, images ?? OfflineImageMetadataResolver.Instance, loader ?? new RecordingLoader());

    private static MarshalledOp Single(LlbState state)
    {
        var result = LlbMarshaller.Marshal(state, new MarshalOptions { LocalUniqueId = "u", Caps = LlbCaps.All, DefaultPlatform = LlbPlatform.LinuxAmd64 });
        return Assert.Single(result.Ops, o => o.Op.OpCase == Op.OpOneofCase.Source);
    }

    private sealed class RecordingImages(ResolvedImage answer) : IImageMetadataResolver
    {
        public List<(ImageReference, LlbPlatform, ImageResolveOptions)> Requests { get; } = [];

        public ValueTask<ResolvedImage> ResolveAsync(ImageReference reference, LlbPlatform platform, ImageResolveOptions options, CancellationToken cancellationToken = default)
        {
            Requests.Add((reference, platform, options));
            return ValueTask.FromResult(answer);
        }
    }

    private sealed class RecordingLoader : INamedContextLoader
    {
        public List<string> Calls { get; } = [];

        public ValueTask<NamedContext> LocalAsync(string key, string localName, CancellationToken cancellationToken)
        {
            Calls.Add($"local {key} {localName}");
            return ValueTask.FromResult(new NamedContext(LlbState.Scratch, null));
        }

        public ValueTask<NamedContext> InputAsync(string key, string inputName, CancellationToken cancellationToken)
        {
            Calls.Add($"input {key} {inputName}");
            return ValueTask.FromResult(new NamedContext(LlbState.Scratch, null));
        }
    }
}
