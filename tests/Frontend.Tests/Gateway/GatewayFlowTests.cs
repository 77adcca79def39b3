using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Frontend.Gateway;
using Grpc.Core;
using static CSharpFrontend.Frontend.Tests.Gateway.GatewayHarness;

namespace CSharpFrontend.Frontend.Tests.Gateway;

/// <summary>The whole frontend run against an in-process fake LLBBridge; each test checks what the fake received.</summary>
public sealed class GatewayFlowTests
{
    private const string Simple = "FROM alpine\nRUN echo hello > /greeting\nCMD [\"cat\", \"/greeting\"]\n";

    [Fact]
    public async Task BuildsAndReturnsTheConvertedDefinitionWithItsImageConfig()
    {
        var bridge = WithDockerfile(Simple);
        var run = await RunAsync(bridge);

        Assert.True(run.ExitCode == 0, run.Error?.Message);
        Assert.True(run.Returned);
        var returned = Assert.Single(bridge.Returns);
        Assert.Null(returned.Error);

        var solves = bridge.Solves.ToArray();
        Assert.Equal(3, solves.Length);
        var dockerfileSolve = solves.Single(s => FakeBridge.SourceOf(s.Definition) == "dockerfile");
        var source = FakeBridge.SourceOp(dockerfileSolve.Definition);
        Assert.Equal("""["Dockerfile","Dockerfile.dockerignore","dockerfile"]""", source.Attrs["local.followpaths"]);
        Assert.Equal(SessionId, source.Attrs["local.session"]);
        Assert.Equal("dockerfile", source.Attrs["local.sharedkeyhint"]);
        Assert.Equal("none", source.Attrs["local.differ"]);
        var ignoreSolve = solves.Single(s => FakeBridge.SourceOf(s.Definition) == "context");
        Assert.Equal("""[".dockerignore"]""", FakeBridge.SourceOp(ignoreSolve.Definition).Attrs["local.followpaths"]);

        // The final solve is exactly what the converter makes of the Dockerfile with the daemon's answers.
        var final = solves[^1];
        var expected = await DockerfileConverter.ConvertAsync(Simple, new ConvertOptions
        {
            BuildPlatforms = [LlbPlatform.LinuxAmd64],
            ImageResolver = new TestImageResolver(bridge),
            LlbCaps = LlbCaps.Of(CapId.All),
            SessionId = SessionId,
        });
        Assert.Equal(expected.Definition.Definition.Def.Select(b => b.ToBase64()), final.Definition.Def.Select(b => b.ToBase64()));
        Assert.True(final.AllowResultReturn);
        Assert.True(final.AllowResultArrayRef);
        Assert.True(final.ExporterAttr.IsEmpty);

        var result = returned.Result;
        Assert.Equal("ref-3", result.Ref.Id);
        Assert.Equal(ImageConfigWriter.ToJson(expected.Image), result.Metadata["containerimage.config"].ToStringUtf8());
        Assert.Equal("""{"Platforms":[{"ID":"linux/amd64","Platform":{"architecture":"amd64","os":"linux"}}]}""", result.Metadata["refs.platforms"].ToStringUtf8());

        var resolve = Assert.Single(bridge.Resolves);
        Assert.Equal("docker.io/library/alpine:latest", resolve.Ref);
        Assert.Equal("linux", resolve.Platform.OS);
    }

    [Fact]
    public async Task OptionsReachTheConversion()
    {
        const string dockerfile = "ARG V=default\nFROM alpine AS base\nRUN echo $V\nFROM base AS other\nRUN echo other\n";
        var bridge = WithDockerfile(dockerfile, "sub/Dockerfile.custom");
        var run = await RunAsync(bridge,
        [
            Opt("filename", "sub/Dockerfile.custom"), Opt("target", "base"), Opt("build-arg:V", "given"), Opt("label:org.test", "yes"),
            Opt("no-cache", ""), Opt("cache-from", "registry.example/cache:1"),
        ]);

        Assert.True(run.ExitCode == 0, run.Error?.Message);
        var solves = bridge.Solves.ToArray();
        Assert.Equal("""["sub/Dockerfile.custom","sub/Dockerfile.custom.dockerignore"]""",
            FakeBridge.SourceOp(solves.Single(s => FakeBridge.SourceOf(s.Definition) == "dockerfile").Definition).Attrs["local.followpaths"]);
        var expected = await DockerfileConverter.ConvertAsync(dockerfile, new ConvertOptions
        {
            Target = "base",
            BuildPlatforms = [LlbPlatform.LinuxAmd64],
            BuildArgs = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("V", "given"),
            Labels = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("org.test", "yes"),
            IgnoreCache = [],
            ImageResolver = new TestImageResolver(bridge),
            LlbCaps = LlbCaps.Of(CapId.All),
            SessionId = SessionId,
        });
        var final = solves[^1];
        Assert.Equal(expected.Definition.Definition.Def.Select(b => b.ToBase64()), final.Definition.Def.Select(b => b.ToBase64()));
        var cache = Assert.Single(final.CacheImports);
        Assert.Equal("registry", cache.Type);
        Assert.Equal("registry.example/cache:1", cache.Attrs["ref"]);
        Assert.Equal("registry.example/cache:1", final.FrontendOpt["cache-from"]);
        var config = Assert.Single(bridge.Returns).Result.Metadata["containerimage.config"].ToStringUtf8();
        Assert.Contains("\"org.test\":\"yes\"", config, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DockerignoreOfTheContextBecomesExcludes()
    {
        var bridge = WithDockerfile("FROM alpine\nCOPY . /src\n");
        bridge.Files[("context", ".dockerignore")] = Encoding.UTF8.GetBytes("# comment\nnode_modules\n!keep/../keep.txt\n/abs\n");
        var run = await RunAsync(bridge);

        Assert.True(run.ExitCode == 0, run.Error?.Message);
        var final = bridge.Solves.ToArray()[^1];
        var context = final.Definition.Def.Select(b => Pb.Op.Parser.ParseFrom(b)).First(o => o.Source?.Identifier == "local://context").Source;
        Assert.Equal("""["node_modules","!keep.txt","abs"]""", context.Attrs["local.excludepatterns"]);
    }

    [Fact]
    public async Task SeveralPlatformsReturnARefPerPlatform()
    {
        var bridge = WithDockerfile(Simple);
        var run = await RunAsync(bridge, [Opt("platform", "linux/amd64,linux/arm64")]);

        Assert.True(run.ExitCode == 0, run.Error?.Message);
        var result = Assert.Single(bridge.Returns).Result;
        Assert.Equal(Moby.Buildkit.V1.Frontend.Result.ResultOneofCase.Refs, result.ResultCase);
        Assert.Equal(["linux/amd64", "linux/arm64"], result.Refs.Refs.Keys.Order(StringComparer.Ordinal));
        Assert.True(result.Metadata.ContainsKey("containerimage.config/linux/amd64"));
        Assert.True(result.Metadata.ContainsKey("containerimage.config/linux/arm64"));
        Assert.False(result.Metadata.ContainsKey("containerimage.config"));
        Assert.Equal(
            """{"Platforms":[{"ID":"linux/amd64","Platform":{"architecture":"amd64","os":"linux"}},{"ID":"linux/arm64","Platform":{"architecture":"arm64","os":"linux"}}]}""",
            result.Metadata["refs.platforms"].ToStringUtf8());
        Assert.Equal(4, bridge.Solves.Count);
        Assert.Contains(bridge.Resolves, r => r.Platform.Architecture == "arm64");
    }

    /// <summary>
    /// v0.24.0's builtin frontend loads the context's .dockerignore when the converter asks for its patterns, after the
    /// base images' metadata (buildctl shows <c>load metadata for ...</c> before <c>load .dockerignore</c>).
    /// </summary>
    [Fact]
    public async Task TheDockerignoreIsLoadedAfterTheBaseImageLookups()
    {
        var bridge = WithDockerfile(Simple);
        var run = await RunAsync(bridge);

        Assert.True(run.ExitCode == 0, run.Error?.Message);
        Assert.Equal(["Solve", "ResolveImageConfig", "Solve", "Solve"], bridge.Calls);
        Assert.Equal("[internal] load .dockerignore", bridge.Solves.ElementAt(1).Definition.Metadata.Values
            .Select(m => m.Description.GetValueOrDefault("llb.customname")).Single(name => name is not null));
    }

    [Fact]
    public async Task MissingDockerfileIsReturnedAsAnError()
    {
        var bridge = new FakeBridge();
        var run = await RunAsync(bridge);

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(bridge.Returns).Error;
        Assert.Equal((int)StatusCode.NotFound, error.Code);
        Assert.Equal("failed to read dockerfile: NotFound: open Dockerfile: no such file or directory", error.Message);
        Assert.True(run.Returned);
    }

    [Fact]
    public async Task LowerCaseDockerfileIsTheFallback()
    {
        var bridge = WithDockerfile(Simple, "dockerfile");
        var run = await RunAsync(bridge);

        Assert.True(run.ExitCode == 0, run.Error?.Message);
        Assert.Contains(bridge.Reads, r => r.FilePath == "dockerfile");
    }

    [Fact]
    public async Task ConversionErrorsCarryTheDockerfileLocation()
    {
        var bridge = WithDockerfile("FROM alpine\n\nRUN --mount=type=bogus true\n");
        var run = await RunAsync(bridge);

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(bridge.Returns).Error;
        Assert.Equal((int)StatusCode.Unknown, error.Code);
        var detail = Assert.Single(error.Details);
        Assert.Equal("github.com/moby/buildkit/errdefs.Source+json", detail.TypeUrl);
        using var json = JsonDocument.Parse(detail.Value.Memory);
        Assert.Equal("Dockerfile", json.RootElement.GetProperty("info").GetProperty("filename").GetString());
        Assert.Equal("FROM alpine\n\nRUN --mount=type=bogus true\n",
            Encoding.UTF8.GetString(json.RootElement.GetProperty("info").GetProperty("data").GetBytesFromBase64()));
        Assert.Equal(3, json.RootElement.GetProperty("ranges")[0].GetProperty("start").GetProperty("line").GetInt32());
        Assert.Single(json.RootElement.GetProperty("info").GetProperty("definition").GetProperty("def").EnumerateArray().Take(1));
    }

    /// <summary>Upstream wraps the error once per location (builder/build.go's <c>wrapSource</c>): one Source detail each.</summary>
    [Fact]
    public async Task ACircularDependencyCarriesEveryInstructionOnTheCycle()
    {
        var bridge = WithDockerfile("FROM alpine AS a\nCOPY --from=b /x /x\nFROM alpine AS b\nCOPY --from=a /y /y\n");
        var run = await RunAsync(bridge);

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(bridge.Returns).Error;
        Assert.Equal("circular dependency detected on stage: a", error.Message);
        Assert.Equal([2, 4], error.Details.Select(detail =>
        {
            using var json = JsonDocument.Parse(detail.Value.Memory);
            return json.RootElement.GetProperty("ranges")[0].GetProperty("start").GetProperty("line").GetInt32();
        }));
    }

    [Fact]
    public async Task ParseErrorsCarryTheDockerfileLocation()
    {
        var bridge = WithDockerfile("FROM alpine\nBOGUS instruction\n");
        var run = await RunAsync(bridge);

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(bridge.Returns).Error;
        Assert.Contains("bogus", error.Message, StringComparison.OrdinalIgnoreCase);
        using var json = JsonDocument.Parse(Assert.Single(error.Details).Value.Memory);
        Assert.Equal(2, json.RootElement.GetProperty("ranges")[0].GetProperty("start").GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task DaemonErrorsKeepTheirCode()
    {
        var bridge = WithDockerfile(Simple);
        bridge.Failures["Solve"] = new RpcException(new Status(StatusCode.Unavailable, "daemon is shutting down"));
        var run = await RunAsync(bridge);

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(bridge.Returns).Error;
        Assert.Equal((int)StatusCode.Unavailable, error.Code);
        Assert.StartsWith("failed to resolve dockerfile: Unavailable: daemon is shutting down", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BaseImageResolutionFailureIsReturned()
    {
        var bridge = WithDockerfile("FROM nosuch/image:1\nRUN true\n");
        var run = await RunAsync(bridge);

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(bridge.Returns).Error;
        Assert.Equal((int)StatusCode.NotFound, error.Code);
        Assert.Contains("docker.io/nosuch/image:1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlowCallsHitTheirDeadlineInsteadOfHanging()
    {
        var bridge = WithDockerfile(Simple);
        bridge.Delays["ReadFile"] = TimeSpan.FromSeconds(20);
        var watch = Stopwatch.StartNew();
        var run = await RunAsync(bridge, timeouts: new GatewayTimeouts { Call = TimeSpan.FromMilliseconds(300) });

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), watch.Elapsed.ToString());
        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(bridge.Returns).Error;
        Assert.Equal((int)StatusCode.DeadlineExceeded, error.Code);
    }

    [Fact]
    public async Task SlowPingFailsWithoutReturn()
    {
        var bridge = WithDockerfile(Simple);
        bridge.Delays["Ping"] = TimeSpan.FromSeconds(20);
        var watch = Stopwatch.StartNew();
        var run = await RunAsync(bridge, timeouts: new GatewayTimeouts { Ping = TimeSpan.FromMilliseconds(300) });

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
        Assert.Equal(1, run.ExitCode);
        Assert.Equal((int)StatusCode.DeadlineExceeded, run.Error!.Code);
        Assert.Empty(bridge.Returns);
        Assert.False(run.Returned);
    }

    [Fact]
    public async Task DaemonWithoutPingFails()
    {
        var bridge = WithDockerfile(Simple);
        bridge.Failures["Ping"] = new RpcException(new Status(StatusCode.Unimplemented, "unknown method Ping"));
        var run = await RunAsync(bridge);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal((int)StatusCode.Unimplemented, run.Error!.Code);
        Assert.Empty(bridge.Solves);
        Assert.Empty(bridge.Returns);
    }

    [Fact]
    public async Task DaemonWithoutCapsGetsTheFrozenDefaultsAndNeedsFileOps()
    {
        var bridge = WithDockerfile(Simple);
        bridge.Caps = [];
        bridge.LlbCaps = [];
        var run = await RunAsync(bridge);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("needs BuildKit 0.5 or later: requested feature file.base  is not supported by build server", run.Error!.Message, StringComparison.Ordinal);

        // The defaults have no "return": the error cannot be returned and nothing is solved.
        Assert.False(run.Returned);
        Assert.Empty(bridge.Returns);
        Assert.Empty(bridge.Solves);
    }

    [Fact]
    public async Task DaemonWithoutReturnGetsAFinalSolveWithExporterAttributes()
    {
        var bridge = WithDockerfile(Simple);
        bridge.Caps = ["solve.base", "solve.inlinereturn", "resolveimage", "readfile"];
        var run = await RunAsync(bridge);

        Assert.True(run.ExitCode == 0, run.Error?.Message);
        Assert.Empty(bridge.Returns);
        var solves = bridge.Solves.ToArray();
        Assert.Equal(4, solves.Length);
        Assert.All(solves[..3], s => Assert.Equal("{}", s.ExporterAttr.ToStringUtf8()));
        var final = solves[^1];
        Assert.True(final.Final);
        Assert.Equal(solves[2].Definition, final.Definition);
        using var attrs = JsonDocument.Parse(final.ExporterAttr.Memory);
        var config = Encoding.UTF8.GetString(attrs.RootElement.GetProperty("containerimage.config").GetBytesFromBase64());
        Assert.Contains("\"cat\"", config, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DaemonWithoutRefArrayGetsDeprecatedRefs()
    {
        var bridge = WithDockerfile(Simple);
        bridge.Caps = FakeBridge.AllCaps.Where(c => c != "proto.refarray").ToArray();
        var run = await RunAsync(bridge);

        Assert.True(run.ExitCode == 0, run.Error?.Message);
        var result = Assert.Single(bridge.Returns).Result;
        Assert.Equal("ref-3", result.RefDeprecated);
    }

    [Fact]
    public async Task SeveralPlatformsNeedReturnMap()
    {
        var bridge = WithDockerfile(Simple);
        bridge.Caps = FakeBridge.AllCaps.Where(c => c != "returnmap").ToArray();
        var run = await RunAsync(bridge, [Opt("platform", "linux/amd64,linux/arm64")]);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("requested feature returnmap", Assert.Single(bridge.Returns).Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisabledLlbCapsDegradeTheDefinition()
    {
        var bridge = WithDockerfile("FROM alpine\nRUN --network=none true\n");
        bridge.LlbCaps = CapId.All.Where(c => c != CapId.ExecMetaNetwork).ToArray();
        var run = await RunAsync(bridge);

        // Upstream fails the conversion ("network.none is not allowed") or the solve's cap check; either way nothing unsupported is sent.
        foreach (var solve in bridge.Solves)
        {
            Assert.DoesNotContain(solve.Definition.Metadata.Values, m => m.Caps.ContainsKey(CapId.ExecMetaNetwork));
        }

        Assert.Single(bridge.Returns);
        _ = run;
    }

    [Fact]
    public async Task WarningsAreSentWhenTheDaemonTakesThem()
    {
        // BuildKit v0.24.0 reports the empty continuation line as the NoEmptyContinuation check, at line 4 (checked
        // with its dockerfile2llb -lint), sent as builder/build.go's Warn callback words it.
        var bridge = WithDockerfile("FROM scratch\nCOPY a \\\n\n  b /\n");
        var run = await RunAsync(bridge);

        Assert.True(run.ExitCode == 0, run.Error?.Message);
        var warning = Assert.Single(bridge.Warnings);
        Assert.Equal("NoEmptyContinuation: Empty continuation line (line 4)", warning.Short.ToStringUtf8());
        Assert.Equal("Empty continuation lines will become errors in a future release", Assert.Single(warning.Detail).ToStringUtf8());
        Assert.Equal("https://docs.docker.com/go/dockerfile/rule/no-empty-continuation/", warning.Url);
        Assert.Equal(1, warning.Level);
        Assert.Equal("Dockerfile", warning.Info.Filename);
        Assert.Equal("Dockerfile", warning.Info.Language);
        var range = Assert.Single(warning.Ranges);
        Assert.Equal((4, 4), (range.Start.Line, range.End.Line));
        var dockerfileSolve = bridge.Solves.Single(s => FakeBridge.SourceOf(s.Definition) == "dockerfile");
        var head = Pb.Op.Parser.ParseFrom(dockerfileSolve.Definition.Def[^1]).Inputs[0].Digest;
        Assert.Equal(head, warning.Digest);
    }

    [Fact]
    public async Task WarningsAreNotSentWithoutTheCap()
    {
        var bridge = WithDockerfile("FROM alpine\nRUN echo a \\\n\n  && echo b\n");
        bridge.Caps = FakeBridge.AllCaps.Where(c => c != "gateway.warnings").ToArray();
        var run = await RunAsync(bridge);

        Assert.True(run.ExitCode == 0, run.Error?.Message);
        Assert.Empty(bridge.Warnings);
    }

    [Fact]
    public async Task BadOptionsAreReturnedAsErrors()
    {
        var bridge = WithDockerfile(Simple);
        var run = await RunAsync(bridge, [Opt("force-network-mode", "bridge")]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("invalid netmode bridge", Assert.Single(bridge.Returns).Error.Message);
    }

    [Fact]
    public async Task UnknownFrontendCapIsUnimplemented()
    {
        var bridge = WithDockerfile(Simple);
        var run = await RunAsync(bridge, [Opt("frontend.caps", "moby.buildkit.frontend.future")]);

        var error = Assert.Single(bridge.Returns).Error;
        Assert.Equal((int)StatusCode.Unimplemented, error.Code);
        Assert.Equal("unsupported frontend capability moby.buildkit.frontend.future", error.Message);
        Assert.Equal("github.com/moby/buildkit/errdefs.FrontendCap+json", Assert.Single(error.Details).TypeUrl);
        Assert.Equal("""{"name":"moby.buildkit.frontend.future"}""", Assert.Single(error.Details).Value.ToStringUtf8());
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public async Task UnknownSubrequestsAreUnsupported()
    {
        var bridge = WithDockerfile(Simple);
        var run = await RunAsync(bridge, [Opt("requestid", "frontend.unknown")]);

        var error = Assert.Single(bridge.Returns).Error;
        Assert.Equal("unsupported request frontend.unknown", error.Message);
        Assert.Equal("""{"name":"frontend.unknown"}""", Assert.Single(error.Details).Value.ToStringUtf8());
        // The Dockerfile only: the context's .dockerignore is read when a conversion asks for it (v0.24.0's DockerIgnorePatterns).
        Assert.Single(bridge.Solves);
        Assert.Equal("github.com/moby/buildkit/errdefs.Subrequest+json", Assert.Single(error.Details).TypeUrl);
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public async Task DockerfileFromInputsIsUsed()
    {
        var bridge = WithDockerfile(Simple);
        var input = Converter.Llb.Marshal.LlbMarshaller.Marshal(Sources.Local("fromclient", new LocalOptions { SessionId = "other" })).Definition;
        bridge.InputDefinitions["dockerfile"] = input;
        bridge.Files[("fromclient", "Dockerfile")] = Encoding.UTF8.GetBytes("FROM alpine\n");
        var run = await RunAsync(bridge);

        Assert.True(run.ExitCode == 0, run.Error?.Message);
        Assert.Contains(bridge.Solves, s => s.Definition.Equals(input));
    }
}
