using System.Collections.Immutable;
using System.Text;
using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Converter.Llb.Marshal;
using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Converter.Tests;

/// <summary>
/// Graphs built with the builder API whose ops are byte-identical to ops BuildKit v0.11.6's Dockerfile frontend
/// produced for conformance cases (expected digests and metadata are read from the reference def.pb).
/// </summary>
public sealed class BuilderCorpusTests
{
    private const string CommandKey = "com.docker.dockerfile.v1.command";

    private static readonly MarshalOptions Options = new()
    {
        LocalUniqueId = "conformance",
        Caps = LlbCaps.Of([CapId.ExecMetaSetsDefaultPath, CapId.MergeOp, CapId.DiffOp]),
        Profile = Profiles.BuildKitProfile.V0_11,
    };

    private static readonly LlbPlatform Amd64 = LlbPlatform.LinuxAmd64;

    private static OpConstraints Named(string name, string? command = null)
    {
        var constraints = OpConstraints.None.WithCustomName(name);
        return command is null ? constraints : constraints.WithDescription(CommandKey, command);
    }

    private static LlbState Image(string reference, string name, string command, LlbPlatform? platform = null) =>
        Sources.Image(reference, new ImageOptions { Constraints = Named(name, command) with { Platform = platform ?? Amd64 } })
            .AddEnv("PATH", DefaultPath.Unix);

    private static LlbState Context(params string[] followPaths) => Sources.Local("context", new LocalOptions
    {
        FollowPaths = [.. followPaths],
        SharedKeyHint = "context",
        Constraints = Named("[internal] load build context"),
    });

    private static CopyAction ContextCopy(LlbState source, string src, string dest) => new(source, src, dest)
    {
        FollowSymlinks = true,
        CopyDirContentsOnly = true,
        CreateDestPath = true,
        AllowWildcard = true,
        AllowEmptyWildcard = true,
    };

    private static LlbState Shell(LlbState state, string command, string name, string? original = null) =>
        state.Run(new RunOptions { Args = ["/bin/sh", "-c", command], Constraints = Named(name, original ?? "RUN " + command) }).Root;

    [Fact]
    public void ImageSourceForAnotherPlatform()
    {
        var alpine = Image("alpine", "[stage-1 1/2] FROM docker.io/library/alpine", "FROM alpine", LlbPlatform.Parse("linux/arm64"));
        GraphAssert.OpsFoundIn(ReferenceCorpus.V011, "hand-platform-arm64", LlbMarshaller.Marshal(alpine, Options with { DefaultPlatform = LlbPlatform.Parse("linux/arm64") }));
    }

    [Fact]
    public void CopyFromAStageBuiltForTheBuildPlatform()
    {
        var arm64 = LlbPlatform.Parse("linux/arm64");
        var build = Image("golang:1.21", "[build 1/3] FROM docker.io/library/golang:1.21", "FROM --platform=$BUILDPLATFORM golang:1.21 AS build")
            .AddEnv("TARGETOS", "linux").AddEnv("TARGETARCH", "arm64").AddEnv("TARGETVARIANT", "")
            .AddEnv("BUILDPLATFORM", "linux/amd64").AddEnv("TARGETPLATFORM", "linux/arm64");
        build = Shell(build, "echo \"building on $BUILDPLATFORM for $TARGETPLATFORM ($TARGETOS/$TARGETARCH$TARGETVARIANT)\"",
            "[build 2/3] RUN echo \"building on linux/amd64 for linux/arm64 (linux/arm64)\"");
        build = Shell(build, "GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .", "[build 3/3] RUN GOOS=linux GOARCH=arm64 go build -o /out/app .");
        var final = Image("alpine", "[stage-1 1/2] FROM docker.io/library/alpine", "FROM alpine", arm64)
            .File(ContextCopy(build, "/out/app", "/app"), Named("[stage-1 2/2] COPY --from=build /out/app /app"));
        GraphAssert.SameGraph(ReferenceCorpus.V011, "hand-platform-arm64", LlbMarshaller.Marshal(final, Options with { DefaultPlatform = arm64 }));
    }

    [Fact]
    public void LocalContextWithFollowPathsChainedCopiesAndExec()
    {
        var context = Context("f1", "f2");
        var state = LlbState.Scratch.AddEnv("FOO", "bar");
        state = state.File(
            FileChain.Of(ContextCopy(context, "f1", "/sub/")).Then(ContextCopy(context, "f2", "/sub/")),
            Named("[1/2] COPY f1 f2 /sub/"));
        state = Shell(state.AddEnv("PATH", DefaultPath.Unix).AddEnv("FOO", "bar"), "ls -l", "[2/2] RUN ls -l");
        GraphAssert.SameGraph(ReferenceCorpus.V011, "bk-convert-L29", LlbMarshaller.Marshal(state, Options));
    }

    [Fact]
    public void HttpSourceCopiedIntoScratch()
    {
        var url = "http://github.com/moby/buildkit/blob/master/README.md";
        var http = Sources.Http(url, new HttpOptions { Filename = "README.md", Constraints = OpConstraints.None.WithDescription(CommandKey, "") });
        var state = LlbState.Scratch.File(new CopyAction(http, "README.md", "/") { CreateDestPath = true }, Named("[1/1] ADD " + url + " /"));
        GraphAssert.SameGraph(ReferenceCorpus.V011, "bk-convert-L62", LlbMarshaller.Marshal(state, Options));
    }

    [Fact]
    public void WorkdirIsAMkdirWithParents()
    {
        var state = LlbState.Scratch.File(new MkdirAction("/foo", Convert.ToInt32("755", 8)) { MakeParents = true }, Named("[1/2] WORKDIR /foo"));
        GraphAssert.SameGraph(ReferenceCorpus.V011, "bk-dockerfile-L580", LlbMarshaller.Marshal(state, Options));
    }

    [Fact]
    public void WorkdirMkdirsOwnedByTheUserAndRelativeToTheLastOne()
    {
        var owner = ChownSpec.Parse("1000:1000");
        var state = Image("alpine", "[1/3] FROM docker.io/library/alpine", "FROM alpine");
        state = state.WithDir("/app").File(new MkdirAction("/app", Convert.ToInt32("755", 8)) { MakeParents = true, Owner = owner }, Named("[2/3] WORKDIR /app"));
        state = state.WithDir("rel").File(new MkdirAction(".", Convert.ToInt32("755", 8)) { MakeParents = true, Owner = owner }, Named("[3/3] WORKDIR rel"));
        Assert.Equal("/app/rel", state.Dir);
        GraphAssert.SameGraph(ReferenceCorpus.V011, "hand-metadata-instrs", LlbMarshaller.Marshal(state, Options));
    }

    [Fact]
    public void HeredocIsAnInlineFileCopied()
    {
        var inline = LlbState.Scratch.File(
            new MkfileAction("/EOF", Convert.ToInt32("664", 8), Encoding.UTF8.GetBytes("data\n")),
            Named("[internal] preparing inline document"));
        var state = LlbState.Scratch.File(new CopyAction(inline, "/EOF", "/foo") { CreateDestPath = true }, Named("[base 1/1] COPY <<EOF /foo"));
        GraphAssert.SameGraph(ReferenceCorpus.V011, "bk-dockerfile-L6290", LlbMarshaller.Marshal(state, Options));
    }

    [Fact]
    public void ExecWithCacheSecretSshTmpfsAndBindMounts()
    {
        var alpine = Image("alpine", "[stage-0 1/3] FROM docker.io/library/alpine", "FROM alpine");
        var busybox = Image("busybox", "FROM docker.io/library/busybox", "");
        const string first = "RUN --mount=type=cache,target=/root/.cache,id=gocache,sharing=locked     --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true     --mount=type=ssh,id=default,mode=0600     --mount=type=tmpfs,target=/tmp,size=64m     --mount=type=bind,from=busybox,source=/bin,target=/mnt/bb,rw     --network=none     echo mounts";
        var run = alpine.Run(new RunOptions
        {
            Args = ["/bin/sh", "-c", "echo mounts"],
            With = s => s.WithNetwork(NetMode.None),
            Mounts =
            [
                new MountSpec("/root/.cache", null) { CacheId = "/gocache", CacheSharing = CacheSharing.Locked },
                new MountSpec("/tmp", null) { Tmpfs = true, TmpfsSize = 64 << 20 },
                new MountSpec("/mnt/bb", busybox) { Selector = "/bin", NoOutput = true },
            ],
            Secrets = [new SecretSpec("npmrc", "/root/.npmrc")],
            Ssh = [new SshSpec("default") { Optional = true }],
            Constraints = Named("[stage-0 2/3] " + first, first),
        });
        var cacheDir = LlbState.Scratch.File(
            new MkdirAction("/cache", Convert.ToInt32("755", 8)) { Owner = ChownSpec.Parse("1000:1000") },
            Named("[internal] settings cache mount permissions"));
        const string second = "RUN --mount=type=cache,target=/var/cache/apk,uid=1000,gid=1000,mode=0755 apk add git";
        var final = run.Root.Run(new RunOptions
        {
            Args = ["/bin/sh", "-c", "apk add git"],
            Mounts = [new MountSpec("/var/cache/apk", cacheDir) { Selector = "/cache", CacheId = "//var/cache/apk" }],
            Constraints = Named("[stage-0 3/3] " + second, second),
        }).Root;
        Assert.Equal(NetMode.Sandbox, run.Root.Network);
        GraphAssert.SameGraph(ReferenceCorpus.V011, "hand-mounts-all", LlbMarshaller.Marshal(final, Options));
    }

    [Fact]
    public void CopyFlagsLinkAsMergeHttpSourcesUnpackAndCopyFromImage()
    {
        var context = Context("*.txt", "local.tar.gz");
        var a = Shell(Image("alpine", "[a 1/2] FROM docker.io/library/alpine", "FROM alpine AS a"), "mkdir -p /out && echo x > /out/x", "[a 2/2] RUN mkdir -p /out && echo x > /out/x");
        var state = Image("busybox", "[stage-1 1/8] FROM docker.io/library/busybox", "FROM busybox");
        state = state.File(
            ContextCopy(a, "/out/", "/dst/") with { Owner = ChownSpec.Parse("1000:1000"), Mode = Convert.ToInt32("644", 8) },
            Named("[stage-1 2/8] COPY --from=a --chown=1000:1000 --chmod=0644 /out/ /dst/"));

        const string link = "[stage-1 3/8] COPY --link --from=0 /out/x /linked/x";
        var linked = LlbState.Scratch.File(ContextCopy(a, "/out/x", "/linked/x"), OpConstraints.None with { ProgressGroup = new("g", link, true) });
        state = state.WithOutput(Sources.Merge([state, linked], Named("[stage-1 3/8] LINK COPY --link --from=0 /out/x /linked/x") with { ProgressGroup = new("g", link, false) }).Output);

        state = state.File(ContextCopy(context, "*.txt", "/texts/") with { Owner = ChownSpec.Parse("nobody:nogroup") }, Named("[stage-1 4/8] COPY --chown=nobody:nogroup *.txt /texts/"));
        foreach (var (url, file, dest, owner, name) in new[]
                 {
                     ("https://example.com/file.tar.gz", "file.tar.gz", "/downloads/", "10:10", "[stage-1 5/8] ADD --chown=10:10 https://example.com/file.tar.gz /downloads/"),
                     ("https://example.com/archive.tar.gz", "archive.tar.gz", "/", null, "[stage-1 6/8] ADD https://example.com/archive.tar.gz /"),
                 })
        {
            var http = Sources.Http(url, new HttpOptions { Filename = file, Constraints = OpConstraints.None.WithDescription(CommandKey, "") });
            state = state.File(new CopyAction(http, file, dest) { CreateDestPath = true, Owner = owner is null ? null : ChownSpec.Parse(owner) }, Named(name));
        }

        state = state.File(ContextCopy(context, "local.tar.gz", "/extract/") with { AttemptUnpack = true }, Named("[stage-1 7/8] ADD local.tar.gz /extract/"));
        var nginx = Image("nginx:alpine", "FROM docker.io/library/nginx:alpine", "");
        state = state.File(ContextCopy(nginx, "/etc/nginx/nginx.conf", "/nginx.conf"), Named("[stage-1 8/8] COPY --from=nginx:alpine /etc/nginx/nginx.conf /nginx.conf"));
        GraphAssert.SameGraph(ReferenceCorpus.V011, "hand-copy-flags", LlbMarshaller.Marshal(state, Options));
    }

    [Fact]
    public void ChownByNameAndAnEmptyGroupResolveAgainstTheDestination()
    {
        var context = Sources.Local("context", new LocalOptions { SharedKeyHint = "context", Constraints = Named("[internal] load build context") });
        var state = Image("busybox", "[1/7] FROM docker.io/library/busybox", "FROM busybox").AddEnv("owner", "user01");
        state = Shell(state, "adduser -D user", "[2/7] RUN adduser -D user");
        state = Shell(state, "adduser -D user01", "[3/7] RUN adduser -D user01");
        state = state.File(ContextCopy(context, ".", "/dest") with { Owner = ChownSpec.Parse("user:user") }, Named("[4/7] COPY --chown=user:user . /dest"));
        state = state.File(ContextCopy(context, ".", "/dest01") with { Owner = ChownSpec.Parse("user01:") }, Named("[5/7] COPY --chown=user01: . /dest01"));
        state = Shell(state, "[ \"$(stat -c \"%U %G\" /dest)\" == \"user user\" ]", "[6/7] RUN [ \"$(stat -c \"%U %G\" /dest)\" == \"user user\" ]");
        state = Shell(state, "[ \"$(stat -c \"%U %G\" /dest01)\" == \"user01 user\" ]", "[7/7] RUN [ \"$(stat -c \"%U %G\" /dest01)\" == \"user01 user\" ]");
        GraphAssert.SameGraph(ReferenceCorpus.V011, "bk-dockerfile-L1000", LlbMarshaller.Marshal(state, Options));
    }

    [Fact]
    public void MarshallingIsDeterministic()
    {
        var context = Context("a", "b");
        var state = Shell(Image("alpine", "x", "FROM alpine").File(ContextCopy(context, "a", "/a")), "true", "y");
        var first = LlbMarshaller.Marshal(state, Options).ToBytes();
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(first, LlbMarshaller.Marshal(state, Options).ToBytes());
        }
    }

    [Fact]
    public void ScratchMarshalsToAnEmptyDefinition()
    {
        var result = LlbMarshaller.Marshal(LlbState.Scratch, Options);
        Assert.Empty(result.Ops);
        Assert.Empty(result.ToBytes());
        var corpus = ReferenceCorpus.V011;
        Assert.Empty(File.ReadAllBytes(corpus.Expected(
            corpus.CaseNames().First(c => File.Exists(corpus.Expected(c, "def.pb")) && new FileInfo(corpus.Expected(c, "def.pb")).Length == 0), "def.pb")));
    }

    [Fact]
    public void LocalUniqueIdIsTheOptionGiven()
    {
        var result = LlbMarshaller.Marshal(Context("x"), Options with { LocalUniqueId = "stable-id" });
        Assert.Equal("stable-id", result.Ops[0].Op.Source.Attrs["local.unique"]);
        Assert.True(result.Ops[0].Metadata.Caps[CapId.SourceLocalUnique]);
    }

    [Fact]
    public void WithoutTheDefaultPathCapTheExecGetsAPath()
    {
        var state = Shell(LlbState.Scratch, "true", "x");
        var op = LlbMarshaller.Marshal(state, Options with { Caps = LlbCaps.Of([]) }).Ops[0];
        Assert.Equal(["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"], op.Op.Exec.Meta.Env);
        Assert.False(op.Metadata.Caps.ContainsKey(CapId.ExecMetaSetsDefaultPath));
    }
}
