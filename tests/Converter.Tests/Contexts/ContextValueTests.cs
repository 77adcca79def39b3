using System.Collections.Immutable;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Dockerfile.Contexts;
using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Converter.Llb.Marshal;
using Pb;

namespace CSharpFrontend.Converter.Tests.Contexts;

/// <summary>
/// The parts of a named context that <see cref="NamedContextLookupTests"/> leaves out, from BuildKit v0.24.0's source:
/// the option's value split as dockerui's <c>NamedContext.load</c> splits it (<c>strings.SplitN(v, ":", 2)</c>,
/// <c>git@</c> read as <c>git</c>, <c>//</c> trimmed from image and OCI references only), the familiar name
/// distribution/reference's <c>FamiliarString</c> gives (<c>library/</c> dropped only for a one-part docker.io path),
/// llb's <c>State.WithImageConfig</c> (env entries split at the first <c>=</c>, an empty key skipped, the working
/// directory joined to the current one, the platform only with both os and architecture), <c>llb.Local</c>'s
/// attributes (no empty exclude or follow-path list), BuildKit's <c>ResolveMode.String()</c>, and the git sources of
/// dfgitutil's <c>ParseGitRef</c> for <c>github.com/…</c> references, whose id llb's <c>Git</c> builds as
/// <c>host/path#ref:subdir</c> with an <c>https://</c> full URL.
/// </summary>
public sealed class ContextValueTests
{
    private static MarshalledOp Single(LlbState state)
    {
        var result = LlbMarshaller.Marshal(state, new MarshalOptions { LocalUniqueId = "u", Caps = LlbCaps.All, DefaultPlatform = LlbPlatform.LinuxAmd64 });
        return Assert.Single(result.Ops, o => o.Op.OpCase == Op.OpOneofCase.Source);
    }

    [Theory]
    [InlineData("docker-image://alpine:3", ContextKind.DockerImage, "alpine:3")]
    [InlineData("docker-image:alpine", ContextKind.DockerImage, "alpine")]
    [InlineData("docker-image:///x", ContextKind.DockerImage, "/x")]
    [InlineData("oci-layout://store@sha256:abcd", ContextKind.OciLayout, "store@sha256:abcd")]
    [InlineData("oci-layout:store", ContextKind.OciLayout, "store")]
    [InlineData("git://github.com/moby/buildkit", ContextKind.Git, "//github.com/moby/buildkit")]
    [InlineData("git@github.com:moby/buildkit.git", ContextKind.Git, "moby/buildkit.git")]
    [InlineData("http://example.com/repo.git", ContextKind.Git, "//example.com/repo.git")]
    [InlineData("http://example.com/file", ContextKind.Http, "//example.com/file")]
    [InlineData("local://dir", ContextKind.Local, "//dir")]
    [InlineData("local:dir:with:colons", ContextKind.Local, "dir:with:colons")]
    [InlineData("input:", ContextKind.Input, "")]
    public void TheValueIsSplitAtItsFirstColon(string value, ContextKind kind, string rest) =>
        Assert.Equal(new ContextSpec(kind, rest, value), ContextSpec.Parse(value, "k"));

    [Theory]
    [InlineData("", "invalid context specifier  for base::linux/amd64")]
    [InlineData(":x", "unsupported context source  for base::linux/amd64")]
    [InlineData("Docker-Image://alpine", "unsupported context source Docker-Image for base::linux/amd64")]
    [InlineData("git-x:y", "unsupported context source git-x for base::linux/amd64")]
    public void UnknownSchemesNameTheOptionKey(string value, string message) =>
        Assert.Equal(message, Assert.Throws<ConvertException>(() => ContextSpec.Parse(value, "base::linux/amd64")).Message);

    [Theory]
    [InlineData("docker.io/library/foo/bar:latest", "library/foo/bar")]
    [InlineData("ghcr.io/library/x:latest", "ghcr.io/library/x")]
    [InlineData("docker.io/library/alpine:3@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "alpine:3@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("alpine:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "alpine:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("alpine:latest", "alpine")]
    [InlineData("localhost/x:latest", "localhost/x")]
    [InlineData("my.registry/x/library/y:latest", "my.registry/x/library/y")]
    public void FamiliarNamesAreDistributionsFamiliarStrings(string name, string familiar) =>
        Assert.Equal(familiar, ContextNames.Familiar(name));

    [Fact]
    public void AnImageConfigGivesTheStateItsEnvDirectoryAndPlatform()
    {
        var start = LlbState.Scratch.WithDir("/base").AddEnv("KEEP", "1");
        var config = new ImageConfig
        {
            OS = "linux",
            Architecture = "arm",
            Variant = "v6",
            Config = new ContainerConfig { Env = ["NOVALUE", "=skipped", "K=a=b", "EMPTY=", "KEEP=2"], WorkingDir = "rel" },
        };

        var state = ContextSources.WithImageConfig(start, config);

        Assert.Equal(
            [KeyValuePair.Create("KEEP", "2"), KeyValuePair.Create("NOVALUE", ""), KeyValuePair.Create("K", "a=b"), KeyValuePair.Create("EMPTY", "")],
            state.Env.Entries.OrderBy(e => e.Key == "KEEP" ? 0 : 1));
        Assert.Equal(4, state.Env.Count);
        Assert.Equal("/base/rel", state.Dir);
        Assert.Equal(new LlbPlatform("linux", "arm", "v6"), state.Platform);
    }

    [Theory]
    [InlineData("", "arm64")]
    [InlineData("linux", "")]
    public void WithoutOsOrArchitectureThePlatformStays(string os, string architecture)
    {
        var start = LlbState.Scratch.WithPlatform(LlbPlatform.LinuxAmd64);
        var state = ContextSources.WithImageConfig(start, new ImageConfig { OS = os, Architecture = architecture, Config = new ContainerConfig { WorkingDir = "" } });
        Assert.Equal(LlbPlatform.LinuxAmd64, state.Platform);
        Assert.Equal("/", state.Dir);
        Assert.Empty(state.Env);
    }

    [Fact]
    public void AnHttpContextIsTheFileNamedByItsKey()
    {
        var op = Single(ContextSources.Http("k::linux/amd64", "https://example.com/a.txt"));
        Assert.Equal("https://example.com/a.txt", op.Op.Source.Identifier);
        Assert.Empty(op.Op.Source.Attrs);
        Assert.Equal("[context k::linux/amd64] https://example.com/a.txt", op.Metadata.Description["llb.customname"]);
    }

    [Fact]
    public void ALocalContextWithoutExcludesOrPathsHasNeitherAttribute()
    {
        var op = Single(ContextSources.Local("a", "dir", "sess", [], []));
        Assert.Equal(["local.session", "local.sharedkeyhint"], op.Op.Source.Attrs.Keys.Order(StringComparer.Ordinal));

        var none = Single(ContextSources.Local("a", "dir", "sess", null));
        Assert.Equal(["local.session", "local.sharedkeyhint"], none.Op.Source.Attrs.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ALocalContextSourceLoadsTheDirectoryOrTheFollowedPaths()
    {
        var source = new LocalContextSource("src", "srcdir", "sess", ["*.md", "!keep.md"]);

        var whole = Single(source.Load());
        Assert.Equal("local://srcdir", whole.Op.Source.Identifier);
        Assert.Equal("[\"*.md\",\"!keep.md\"]", whole.Op.Source.Attrs["local.excludepatterns"]);
        Assert.Equal("context:src", whole.Op.Source.Attrs["local.sharedkeyhint"]);
        Assert.Equal("sess", whole.Op.Source.Attrs["local.session"]);
        Assert.False(whole.Op.Source.Attrs.ContainsKey("local.followpaths"));
        Assert.Equal("[context src] load from client", whole.Metadata.Description["llb.customname"]);

        var followed = Single(source.Load(["a", "b/c"]));
        Assert.Equal("[\"a\",\"b/c\"]", followed.Op.Source.Attrs["local.followpaths"]);

        var context = source.ToNamedContext();
        Assert.Same(source, context.Local);
        Assert.Null(context.Image);
        Assert.Equal(whole.Digest, Single(context.State).Digest);
    }

    [Theory]
    [InlineData(ResolveMode.Default, "default")]
    [InlineData(ResolveMode.ForcePull, "pull")]
    [InlineData(ResolveMode.PreferLocal, "local")]
    public void ResolveModesAreNamedAsBuildKitWritesThem(ResolveMode mode, string name) =>
        Assert.Equal(name, ResolveModes.Name(mode));

    [Theory]
    [InlineData("github.com/moby/buildkit", "git://github.com/moby/buildkit", "https://github.com/moby/buildkit")]
    [InlineData("github.com/moby/buildkit#v0.24.0", "git://github.com/moby/buildkit#v0.24.0", "https://github.com/moby/buildkit")]
    [InlineData("github.com/moby/buildkit#v0.24.0:frontend/dockerui", "git://github.com/moby/buildkit#v0.24.0:frontend/dockerui", "https://github.com/moby/buildkit")]
    [InlineData("github.com/moby/buildkit#:frontend", "git://github.com/moby/buildkit#:frontend", "https://github.com/moby/buildkit")]
    public void AGithubReferenceIsAGitSourceOverHttps(string reference, string identifier, string fullUrl)
    {
        var op = Single(GitContext.TryParse(reference, keepGitDir: false)!);
        Assert.Equal(identifier, op.Op.Source.Identifier);
        Assert.Equal(fullUrl, op.Op.Source.Attrs["git.fullurl"]);
        Assert.False(op.Op.Source.Attrs.ContainsKey("git.keepgitdir"));
        Assert.Equal("[internal] load git source " + reference, op.Metadata.Description["llb.customname"]);
    }

    [Theory]
    [InlineData("https://github.com/moby/buildkit.git", "git://github.com/moby/buildkit.git")]
    [InlineData("git@github.com:moby/buildkit.git#main:docs", "git://github.com/moby/buildkit.git#main:docs")]
    public void AGitUrlKeepsItsDirectoryOnlyWhenAsked(string reference, string identifier)
    {
        var plain = Single(GitContext.TryParse(reference, keepGitDir: false)!);
        Assert.Equal(identifier, plain.Op.Source.Identifier);
        Assert.False(plain.Op.Source.Attrs.ContainsKey("git.keepgitdir"));

        var kept = Single(GitContext.TryParse(reference, keepGitDir: true)!);
        Assert.Equal("true", kept.Op.Source.Attrs["git.keepgitdir"]);
    }

    [Theory]
    [InlineData("https://example.com/file.tar")]
    [InlineData("./dir")]
    [InlineData("dir")]
    [InlineData("")]
    public void OtherValuesAreNoGitContext(string reference) =>
        Assert.Null(GitContext.TryParse(reference));

    [Fact]
    public async Task NamedContextsAreTheOptionsWithTheContextPrefix()
    {
        var contexts = NamedContextLookup.FromOptions(
        [
            KeyValuePair.Create("context:base", "docker-image://scratch"),
            KeyValuePair.Create("Context:other", "docker-image://scratch"),
            KeyValuePair.Create("build-arg:context:x", "docker-image://scratch"),
            KeyValuePair.Create("contextx", "docker-image://scratch"),
        ]);
        Assert.Equal(["base"], contexts.Keys.Order(StringComparer.Ordinal));

        var lookup = new NamedContextLookup(contexts, LlbPlatform.LinuxAmd64, OfflineImageMetadataResolver.Instance, new NoLoader());
        var context = await lookup.ResolveAsync(new NamedContextRequest("base", "default", null));
        Assert.Null(context!.State.Output);
    }

    [Theory]
    [InlineData("git:nothing", "invalid git context git:nothing")]
    [InlineData("docker-image://Bad:Name", "invalid reference format: repository name (library/Bad) must be lowercase")]
    [InlineData("docker-image://a b", "invalid reference format")]
    [InlineData("nocolon", "invalid context specifier nocolon for src")]
    public async Task AValueThatCannotLoadFailsWithUpstreamsText(string value, string message)
    {
        var lookup = new NamedContextLookup(
            ImmutableDictionary<string, string>.Empty.Add("src", value), LlbPlatform.LinuxAmd64, OfflineImageMetadataResolver.Instance, new NoLoader());
        var error = await Assert.ThrowsAsync<ConvertException>(async () => await lookup.ResolveAsync(new NamedContextRequest("src", "default", null)));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task AnOciLayoutContextIsRefusedNamingTheValueAndKey()
    {
        var lookup = new NamedContextLookup(
            ImmutableDictionary<string, string>.Empty.Add("src", "oci-layout://store@sha256:abcd"), LlbPlatform.LinuxAmd64, OfflineImageMetadataResolver.Instance, new NoLoader());
        var error = await Assert.ThrowsAsync<ConvertException>(async () => await lookup.ResolveAsync(new NamedContextRequest("src", "default", null)));
        Assert.Contains("oci-layout://store@sha256:abcd for src", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGitContextsQueryIsReadInTheCurrentProfile()
    {
        const string url = "https://github.com/moby/buildkit.git?ref=v0.24.0&subdir=frontend&keep-git-dir=true&checksum=0123abcd&submodules=false";
        var current = await Resolve(url, null);
        var op = Single(current.State);
        Assert.Equal("git://github.com/moby/buildkit.git#v0.24.0:frontend", op.Op.Source.Identifier);
        Assert.Equal("true", op.Op.Source.Attrs["git.keepgitdir"]);
        Assert.Equal("0123abcd", op.Op.Source.Attrs["git.checksum"]);
        Assert.Equal("true", op.Op.Source.Attrs["git.skipsubmodules"]);
        Assert.Equal("https://github.com/moby/buildkit.git", op.Op.Source.Attrs["git.fullurl"]);
        Assert.Equal("[internal] load git source " + url, op.Metadata.Description["llb.customname"]);

        // v0.11.6's ParseGitRef wants ".git" (and a fragment) at the end of an http(s) URL: this one is a file.
        var compat = Single((await Resolve(url, Profiles.BuildKitProfile.V0_11)).State);
        Assert.Equal(url, compat.Op.Source.Identifier);
        Assert.Equal("[context src] " + url, compat.Metadata.Description["llb.customname"]);
    }

    [Theory]
    [InlineData("https://github.com/moby/buildkit.git?foo=bar", "unexpected query \"foo\"")]
    [InlineData("git://github.com/moby/buildkit?ref=a&ref=b", "query \"ref\" has multiple values")]
    [InlineData("https://github.com/moby/buildkit.git?ref=v2#v1", "ref conflicts: \"v1\" vs \"v2\"")]
    public async Task AMalformedGitQueryIsUpstreamsError(string url, string message) =>
        Assert.Equal(message, (await Assert.ThrowsAsync<ConvertException>(async () => await Resolve(url, null))).Message);

    [Fact]
    public async Task AnImageContextsPlatformHasTheConfigsOsVersionInTheCurrentProfile()
    {
        var config = new ImageConfig
        {
            OS = "windows",
            Architecture = "amd64",
            OSVersion = "10.0.17763.1",
            OSFeatures = ["win32k"],
            Config = new ContainerConfig { WorkingDir = "C:\\app" },
        };
        var images = new FixedImages(new ResolvedImage("sha256:" + new string('b', 64), config));
        var platform = new LlbPlatform("windows", "amd64");

        var current = await Resolve("docker-image://nanoserver", null, images, platform);
        Assert.Equal("windows(10.0.17763.1)/amd64", current.State.Platform!.FormatAll());
        Assert.Equal(["win32k"], current.State.Platform.OSFeatures);

        var compat = await Resolve("docker-image://nanoserver", Profiles.BuildKitProfile.V0_11, images, platform);
        Assert.Equal(new LlbPlatform("windows", "amd64"), compat.State.Platform);
        Assert.Empty(compat.State.Platform!.OSFeatures);
    }

    private static async Task<NamedContext> Resolve(string value, Profiles.BuildKitProfile? profile, IImageMetadataResolver? images = null, LlbPlatform? platform = null)
    {
        var lookup = new NamedContextLookup(
            ImmutableDictionary<string, string>.Empty.Add("src", value), LlbPlatform.LinuxAmd64, images ?? OfflineImageMetadataResolver.Instance, new NoLoader(), profile);
        return (await lookup.ResolveAsync(new NamedContextRequest("src", "default", platform)))!;
    }

    private sealed class FixedImages(ResolvedImage answer) : IImageMetadataResolver
    {
        public ValueTask<ResolvedImage> ResolveAsync(ImageReference reference, LlbPlatform platform, ImageResolveOptions options, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(answer);
    }

    private sealed class NoLoader : INamedContextLoader
    {
        public ValueTask<NamedContext> LocalAsync(string key, string localName, CancellationToken cancellationToken) => throw new InvalidOperationException("no local");

        public ValueTask<NamedContext> InputAsync(string key, string inputName, CancellationToken cancellationToken) => throw new InvalidOperationException("no input");
    }
}
