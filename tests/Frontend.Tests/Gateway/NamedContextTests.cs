using System.Text;
using static CSharpFrontend.Frontend.Tests.Gateway.GatewayHarness;

namespace CSharpFrontend.Frontend.Tests.Gateway;

/// <summary>
/// <c>context:&lt;name&gt;</c> options through the whole frontend against the fake bridge: what builder/build.go
/// (v0.11.6 <c>contextByName</c>) asks the daemon and which sources end up in the final solve.
/// </summary>
public sealed class NamedContextTests
{
    private const string BusyboxConfig =
        """{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/bin","TOOL=1"],"WorkingDir":"/opt"},"rootfs":{"type":"layers","diff_ids":["sha256:bbbb"]}}""";

    private static IReadOnlyList<(Pb.Op Op, Pb.OpMetadata? Metadata)> Ops(Pb.Definition definition) =>
        [.. definition.Def.Select(b => (Pb.Op.Parser.ParseFrom(b), definition.Metadata.GetValueOrDefault(Digest(b))))];

    private static string Digest(Google.Protobuf.ByteString bytes) =>
        "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes.Span));

    [Fact]
    public async Task ADockerImageContextIsResolvedUnderItsContextNameAndUsedUnpinned()
    {
        var bridge = WithDockerfile("FROM alpine\nCOPY --from=tools /bin/tool /usr/bin/tool\n");
        bridge.Images["docker.io/library/busybox:1.36"] = ("sha256:" + new string('2', 64), BusyboxConfig);
        var run = await RunAsync(bridge, [Opt("context:tools", "docker-image://busybox:1.36")]);

        Assert.True(run.ExitCode == 0, run.Error?.Message);
        var resolve = Assert.Single(bridge.Resolves, r => r.Ref == "docker.io/library/busybox:1.36");
        Assert.Equal("[context tools] load metadata for busybox:1.36", resolve.LogName);
        Assert.Equal("default", resolve.ResolveMode);
        Assert.Equal(("linux", "amd64"), (resolve.Platform.OS, resolve.Platform.Architecture));

        var ops = Ops(bridge.Solves.Last().Definition);
        var image = Assert.Single(ops, o => o.Op.Source?.Identifier.Contains("busybox", StringComparison.Ordinal) == true);
        // llb.Image(ref) as written: normalized, not pinned to the resolved digest, no resolve-mode attr.
        Assert.Equal("docker-image://docker.io/library/busybox:1.36", image.Op.Source.Identifier);
        Assert.Empty(image.Op.Source.Attrs);
        Assert.Equal("[context tools] busybox:1.36", image.Metadata!.Description["llb.customname"]);
        Assert.Equal("amd64", image.Op.Platform.Architecture);
        var copy = Assert.Single(ops, o => o.Op.File is not null).Op.File.Actions[0].Copy;
        Assert.Equal("/bin/tool", copy.Src);
    }

    [Fact]
    public async Task ALocalContextIsReadForItsDockerignoreThenSentWithItsExcludes()
    {
        var bridge = WithDockerfile("FROM alpine\nCOPY --from=src . /src\n");
        bridge.Files[("srcdir", ".dockerignore")] = Encoding.UTF8.GetBytes("# docs\n*.md\n./build/\n");
        var run = await RunAsync(bridge, [Opt("context:src", "local:srcdir")]);

        Assert.True(run.ExitCode == 0, run.Error?.Message);
        var ignoreSolve = Assert.Single(bridge.Solves, s => FakeBridge.SourceOf(s.Definition) == "srcdir");
        Assert.True(ignoreSolve.Evaluate);
        var ignoreSource = FakeBridge.SourceOp(ignoreSolve.Definition);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["local.differ"] = "none",
                ["local.followpaths"] = """[".dockerignore"]""",
                ["local.session"] = SessionId,
                ["local.sharedkeyhint"] = "context:src-.dockerignore",
            },
            ignoreSource.Attrs);
        Assert.Contains(bridge.Reads, r => r.FilePath == ".dockerignore" && bridge.RefSources[r.Ref] == "srcdir");

        var local = Assert.Single(Ops(bridge.Solves.Last().Definition), o => o.Op.Source?.Identifier == "local://srcdir");
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["local.excludepatterns"] = """["*.md","build"]""",
                ["local.session"] = SessionId,
                ["local.sharedkeyhint"] = "context:src",
            },
            local.Op.Source.Attrs);
        Assert.Equal("[context src] load from client", local.Metadata!.Description["llb.customname"]);
    }

    [Fact]
    public async Task ALocalContextReadTwiceIsLoadedAndSentOncePerReaderWithThePathsItReads()
    {
        // v0.24.0: COPY --from and RUN --mount from= naming no stage each get a dispatch state, whose NamedContext.Load
        // solves the .dockerignore and returns an asyncLocalOutput made at marshal time with that state's paths.
        var bridge = WithDockerfile("FROM alpine\nCOPY --from=vendor lib.txt /vendor/lib.txt\nRUN --mount=from=vendor,target=/v cat /v/lib.txt\n");
        bridge.Files[("vendordir", ".dockerignore")] = Encoding.UTF8.GetBytes("*.md\n");
        var run = await RunAsync(bridge, [Opt("context:vendor", "local:vendordir")]);

        Assert.True(run.ExitCode == 0, run.Error?.Message);
        Assert.Equal(2, bridge.Solves.Count(s => FakeBridge.SourceOf(s.Definition) == "vendordir" && s.Evaluate));
        var locals = Ops(bridge.Solves.Last().Definition).Where(o => o.Op.Source?.Identifier == "local://vendordir").ToList();
        Assert.Equal(2, locals.Count);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["local.excludepatterns"] = """["*.md"]""",
                ["local.followpaths"] = """["lib.txt"]""",
                ["local.session"] = SessionId,
                ["local.sharedkeyhint"] = "context:vendor",
            },
            locals[0].Op.Source.Attrs);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["local.excludepatterns"] = """["*.md"]""",
                ["local.session"] = SessionId,
                ["local.sharedkeyhint"] = "context:vendor",
            },
            locals[1].Op.Source.Attrs);
        Assert.All(locals, l => Assert.Equal("[context vendor] load from client", l.Metadata!.Description["llb.customname"]));
    }

    [Fact]
    public async Task InTheCompatibilityProfileALocalContextReadTwiceIsOneWholeDirectory()
    {
        var bridge = WithDockerfile("FROM alpine\nCOPY --from=vendor lib.txt /vendor/lib.txt\nRUN --mount=from=vendor,target=/v cat /v/lib.txt\n");
        var run = await RunAsync(bridge, [Opt("context:vendor", "local:vendordir"), Opt("build-arg:CSHARP_FRONTEND_COMPAT", "v0.11")]);

        Assert.True(run.ExitCode == 0, run.Error?.Message);
        var local = Assert.Single(Ops(bridge.Solves.Last().Definition), o => o.Op.Source?.Identifier == "local://vendordir");
        Assert.False(local.Op.Source.Attrs.ContainsKey("local.followpaths"));
    }

    [Fact]
    public async Task AStageReplacedByAGitContextDoesNotRunItsInstructions()
    {
        var bridge = WithDockerfile("FROM alpine AS base\nRUN echo skipped\nFROM base\nRUN echo used\n");
        var run = await RunAsync(bridge, [Opt("context:base", "https://github.com/moby/buildkit.git#v0.11.6")]);

        Assert.True(run.ExitCode == 0, run.Error?.Message);
        var ops = Ops(bridge.Solves.Last().Definition);
        var git = Assert.Single(ops, o => o.Op.Source?.Identifier.StartsWith("git://", StringComparison.Ordinal) == true);
        Assert.Equal("git://github.com/moby/buildkit.git#v0.11.6", git.Op.Source.Identifier);
        // v0.24's NamedContext.load: DetectGitContext(input, nil) keeps .git only when the URL's query asks.
        Assert.False(git.Op.Source.Attrs.ContainsKey("git.keepgitdir"));
        Assert.DoesNotContain(ops, o => o.Op.Exec?.Meta.Args.Contains("echo skipped") == true);
        Assert.Contains(ops, o => o.Op.Exec?.Meta.Args.Contains("echo used") == true);
        Assert.DoesNotContain(bridge.Resolves, r => r.Ref == "docker.io/library/alpine:latest");
    }

    [Theory]
    [InlineData("nocolon", "invalid context specifier nocolon for base")]
    [InlineData("ftp://x/y", "unsupported context source ftp for base")]
    public async Task BadValuesFailWithUpstreamsMessage(string value, string message)
    {
        var bridge = WithDockerfile("FROM alpine AS base\n");
        var run = await RunAsync(bridge, [Opt("context:base", value)]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(message, Assert.Single(bridge.Returns).Error.Message);
    }
}
