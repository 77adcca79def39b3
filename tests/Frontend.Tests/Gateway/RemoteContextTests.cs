using System.Text;
using static CSharpFrontend.Frontend.Tests.Gateway.GatewayHarness;

namespace CSharpFrontend.Frontend.Tests.Gateway;

/// <summary>
/// The main context given as the <c>context</c> option (git or http URL) or as frontend inputs, as v0.11.6's
/// builder/build.go reads it: where the Dockerfile and the <c>.dockerignore</c> come from, and what the final
/// definition uses as the build context.
/// </summary>
public sealed class RemoteContextTests
{
    private const string GitUrl = "https://github.com/moby/buildkit.git#v0.11.6:frontend";
    private const string GitId = "git://github.com/moby/buildkit.git#v0.11.6:frontend";
    private const string CopyAll = "FROM alpine\nCOPY . /src\n";

    private static IReadOnlyList<(Pb.Op Op, Pb.OpMetadata? Metadata, string Digest)> Ops(Pb.Definition definition) =>
        [.. definition.Def.Select(b => (Pb.Op.Parser.ParseFrom(b), definition.Metadata.GetValueOrDefault(Digest(b)), Digest(b)))];

    private static string Digest(Google.Protobuf.ByteString bytes) =>
        "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes.Span));

    private static FakeBridge Bridge(string key, string dockerfile, string path = "Dockerfile")
    {
        var bridge = WithDockerfile("FROM scratch\n");
        bridge.Files.Clear();
        bridge.Files[(key, path)] = Encoding.UTF8.GetBytes(dockerfile);
        return bridge;
    }

    /// <summary>The FileOp copy of the final COPY and the op it copies from.</summary>
    private static (Pb.FileActionCopy Copy, Pb.Op Source) FinalCopy(FakeBridge bridge)
    {
        var ops = Ops(bridge.Solves.Last().Definition);
        var file = ops.Last(o => o.Op.File?.Actions.Any(a => a.Copy?.Dest == "/src") == true).Op;
        var action = file.File.Actions.Single(a => a.Copy is not null);
        return (action.Copy, ops.Single(o => o.Digest == file.Inputs[(int)action.SecondaryInput].Digest).Op);
    }

    [Fact]
    public async Task AGitContextGivesTheDockerfileTheIgnoreFileAndTheContext()
    {
        var bridge = Bridge(GitId, CopyAll);
        bridge.Files[(GitId, ".dockerignore")] = Encoding.UTF8.GetBytes("*.md\n");
        var run = await RunAsync(bridge, [Opt("context", GitUrl)]);

        Assert.True(run.ExitCode == 0, run.Error?.Message);
        var gitSolves = bridge.Solves.Where(s => FakeBridge.SourceOf(s.Definition) == GitId).ToArray();
        Assert.Equal(2, gitSolves.Length);
        var (op, metadata, _) = Ops(gitSolves[0].Definition)[0];
        Assert.Equal($"[internal] load git source {GitUrl}", metadata!.Description["llb.customname"]);
        Assert.False(op.Source.Attrs.ContainsKey("git.keepgitdir"));
        Assert.Contains(bridge.Reads, r => r.FilePath == "Dockerfile" && bridge.RefSources[r.Ref] == GitId);
        Assert.Contains(bridge.Reads, r => r.FilePath == "Dockerfile.dockerignore" && bridge.RefSources[r.Ref] == GitId);
        Assert.Contains(bridge.Reads, r => r.FilePath == ".dockerignore" && bridge.RefSources[r.Ref] == GitId);
        Assert.DoesNotContain(bridge.Solves, s => FakeBridge.SourceOf(s.Definition) is "dockerfile" or "context");

        var (_, source) = FinalCopy(bridge);
        Assert.Equal(GitId, source.Source.Identifier);
        Assert.DoesNotContain(Ops(bridge.Solves.Last().Definition), o => o.Op.Source?.Identifier.StartsWith("local://", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task KeepGitDirComesFromTheBuildArg()
    {
        var bridge = Bridge(GitId, CopyAll);
        var run = await RunAsync(bridge, [Opt("context", GitUrl), Opt("build-arg:BUILDKIT_CONTEXT_KEEP_GIT_DIR", "1")]);

        Assert.True(run.ExitCode == 0, run.Error?.Message);
        Assert.Equal("true", FinalCopy(bridge).Source.Source.Attrs["git.keepgitdir"]);
    }

    [Fact]
    public async Task ADockerfileKeyKeepsTheDockerfileLocalWithAGitContext()
    {
        var bridge = Bridge("mydf", CopyAll);
        var run = await RunAsync(bridge, [Opt("context", GitUrl), Opt("dockerfilekey", "mydf")]);

        Assert.True(run.ExitCode == 0, run.Error?.Message);
        Assert.Contains(bridge.Reads, r => r.FilePath == "Dockerfile" && bridge.RefSources[r.Ref] == "mydf");
        Assert.Equal(GitId, FinalCopy(bridge).Source.Source.Identifier);
    }

    [Fact]
    public async Task ContextSubDirScopesTheContextButNotTheDockerfile()
    {
        var bridge = Bridge(GitId, CopyAll);
        var run = await RunAsync(bridge, [Opt("context", GitUrl), Opt("contextsubdir", "sub/dir")]);

        Assert.True(run.ExitCode == 0, run.Error?.Message);
        // The Dockerfile is read from the checkout itself, the .dockerignore from the scoped context.
        var dockerfileSolve = bridge.RefRequests[Assert.Single(bridge.Reads, r => r.FilePath == "Dockerfile").Ref];
        Assert.Equal(GitId, Assert.Single(Ops(dockerfileSolve.Definition).SkipLast(1)).Op.Source.Identifier);
        var ignoreSolve = bridge.RefRequests[Assert.Single(bridge.Reads, r => r.FilePath == ".dockerignore").Ref];
        var scope = Assert.Single(Ops(ignoreSolve.Definition), o => o.Op.File is not null).Op;
        var copy = Assert.Single(scope.File.Actions).Copy;
        Assert.Equal(("/sub/dir", "/", true, false), (copy.Src, copy.Dest, copy.DirCopyContents, copy.AttemptUnpackDockerCompatibility));
        Assert.Equal(-1, Assert.Single(scope.File.Actions).Input);

        var (_, source) = FinalCopy(bridge);
        Assert.NotNull(source.File);
        Assert.Equal("/sub/dir", source.File.Actions[0].Copy.Src);
    }

    [Fact]
    public async Task AnHttpArchiveIsUnpackedAndIsTheContext()
    {
        const string url = "https://example.com/ctx.tar.gz";
        var bridge = Bridge(url, CopyAll);
        bridge.Files[(url, "context")] = [0x1F, 0x8B, 0x08, 0x00, 0x42];
        var run = await RunAsync(bridge, [Opt("context", url)]);

        Assert.True(run.ExitCode == 0, run.Error?.Message);
        var download = bridge.Solves.First();
        var (op, metadata, _) = Assert.Single(Ops(download.Definition), o => o.Op.Source is not null);
        Assert.Equal(url, op.Source.Identifier);
        Assert.Equal(new Dictionary<string, string> { ["http.filename"] = "context" }, op.Source.Attrs);
        Assert.Equal("[internal] load remote build context", metadata!.Description["llb.customname"]);
        var header = bridge.Reads.First();
        Assert.Equal(("context", 1024L), (header.FilePath, header.Range.Length));

        // llb.Copy(httpContext, "/context", "/", AttemptUnpack) onto scratch; the Dockerfile is read from it.
        var (_, source) = FinalCopy(bridge);
        var unpack = Assert.Single(source.File.Actions).Copy;
        Assert.Equal(("/context", "/", true, false), (unpack.Src, unpack.Dest, unpack.AttemptUnpackDockerCompatibility, unpack.DirCopyContents));
        Assert.Contains(bridge.Reads, r => r.FilePath == "Dockerfile" && r.Range is null);
        Assert.Contains(bridge.Reads, r => r.FilePath == ".dockerignore");
    }

    [Fact]
    public async Task AnHttpFileThatIsNoArchiveIsTheDockerfile()
    {
        const string url = "https://example.com/Dockerfile.web";
        var bridge = Bridge(url, CopyAll, path: "context");
        var run = await RunAsync(bridge, [Opt("context", url)]);

        Assert.True(run.ExitCode == 0, run.Error?.Message);
        Assert.Contains(bridge.Reads, r => r.FilePath == "context" && r.Range is null);
        Assert.Contains(bridge.Reads, r => r.FilePath == "context.dockerignore");
        Assert.DoesNotContain(bridge.Reads, r => r.FilePath is "Dockerfile" or ".dockerignore");
        Assert.Equal(url, FinalCopy(bridge).Source.Source.Identifier);
    }

    [Fact]
    public async Task AFailedDownloadIsWrapped()
    {
        const string url = "https://example.com/missing";
        var bridge = Bridge(url, CopyAll, path: "elsewhere");
        var run = await RunAsync(bridge, [Opt("context", url)]);

        Assert.Equal(1, run.ExitCode);
        // The daemon's status error keeps its code, printed as Go's grpcerrors does (Code: message).
        Assert.Equal("failed to read downloaded context: NotFound: open context: no such file or directory", Assert.Single(bridge.Returns).Error.Message);
    }

    [Fact]
    public async Task AContextInputIsTheContextWithoutAnIgnoreFile()
    {
        var bridge = WithDockerfile(CopyAll);
        var input = Converter.Llb.Marshal.LlbMarshaller.Marshal(Converter.Llb.Sources.Image("docker.io/library/busybox:latest")).Definition;
        bridge.InputDefinitions["context"] = input;
        var run = await RunAsync(bridge);

        Assert.True(run.ExitCode == 0, run.Error?.Message);
        Assert.DoesNotContain(bridge.Reads, r => r.FilePath == ".dockerignore");
        Assert.Equal("docker-image://docker.io/library/busybox:latest", FinalCopy(bridge).Source.Source.Identifier);
        Assert.Contains(input.Def[0], bridge.Solves.Last().Definition.Def);
    }
}
