using System.Text;
using System.Text.Json;
using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Converter.Llb.Marshal;
using static CSharpFrontend.Frontend.Tests.Gateway.GatewayHarness;

namespace CSharpFrontend.Frontend.Tests.Gateway;

/// <summary>
/// <c>context:&lt;name&gt;=input:&lt;input&gt;</c> (v0.11.6 builder/build.go <c>contextByName</c>, case "input"): the
/// frontend input's ops go into the final definition verbatim (upstream's DefinitionOp), with the image config of
/// <c>input-metadata:&lt;input&gt;</c> applied.
/// </summary>
public sealed class InputContextTests
{
    private const string Dockerfile = "FROM alpine AS base\nRUN echo skipped\nFROM base\nRUN echo used\n";

    /// <summary>What another frontend run would have sent: busybox and a RUN, marshalled by the client library.</summary>
    private static MarshalResult Input() => LlbMarshaller.Marshal(
        Sources.Image("docker.io/library/busybox:latest")
            .Run(new RunOptions { Args = ["/bin/sh", "-c", "echo built"], Constraints = OpConstraints.None.WithCustomName("[input] RUN echo built") })
            .Root);

    private static string Digest(Google.Protobuf.ByteString bytes) =>
        "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes.Span));

    private static Pb.Op Exec(Pb.Definition definition, string command) =>
        definition.Def.Select(b => Pb.Op.Parser.ParseFrom(b)).Single(o => o.Exec?.Meta.Args.Contains(command) == true);

    [Fact]
    public async Task TheInputsOpsAreWrittenVerbatimAndTheStageIsNotBuilt()
    {
        var bridge = WithDockerfile(Dockerfile);
        var input = Input();
        bridge.InputDefinitions["in"] = input.Definition;
        var run = await RunAsync(bridge, [Opt("context:base", "input:in")]);

        Assert.True(run.ExitCode == 0, run.Error?.Message);
        var final = bridge.Solves.Last().Definition;
        foreach (var bytes in input.Definition.Def.SkipLast(1))
        {
            Assert.Contains(bytes, final.Def);
            Assert.Equal(input.Definition.Metadata[Digest(bytes)], final.Metadata[Digest(bytes)]);
        }

        var used = Exec(final, "echo used");
        Assert.Equal(input.Head!.Value.Value, used.Inputs[0].Digest);
        Assert.Equal("/", used.Exec.Meta.Cwd);
        Assert.DoesNotContain(final.Def, b => Pb.Op.Parser.ParseFrom(b).Exec?.Meta.Args.Contains("echo skipped") == true);
        Assert.DoesNotContain(bridge.Resolves, r => r.Ref == "docker.io/library/alpine:latest");
    }

    [Fact]
    public async Task InputMetadataGivesTheImageConfig()
    {
        var bridge = WithDockerfile(Dockerfile);
        bridge.InputDefinitions["in"] = Input().Definition;
        const string config = """{"architecture":"arm64","os":"linux","config":{"Env":["PATH=/bin","TOOL=1"],"WorkingDir":"/opt","User":"builder"},"rootfs":{"type":"layers","diff_ids":[]}}""";
        var metadata = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["containerimage.config"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(config)),
            ["other"] = "",
        });
        var run = await RunAsync(bridge, [Opt("context:base", "input:in"), Opt("input-metadata:in", metadata)]);

        Assert.True(run.ExitCode == 0, run.Error?.Message);
        var used = Exec(bridge.Solves.Last().Definition, "echo used");
        Assert.Equal("/opt", used.Exec.Meta.Cwd);
        Assert.Contains("TOOL=1", used.Exec.Meta.Env);
        Assert.Equal("builder", used.Exec.Meta.User);
        // The config's platform becomes the stage's platform (dockerfile2llb, img.Architecture and img.OS set).
        Assert.Equal("arm64", used.Platform.Architecture);

        var image = JsonDocument.Parse(Assert.Single(bridge.Returns).Result.Metadata["containerimage.config"].ToStringUtf8()).RootElement;
        Assert.Equal("arm64", image.GetProperty("architecture").GetString());
        Assert.Equal("/opt", image.GetProperty("config").GetProperty("WorkingDir").GetString());
    }

    [Fact]
    public async Task MetadataWithoutAnImageConfigLeavesTheStateAlone()
    {
        var bridge = WithDockerfile(Dockerfile);
        bridge.InputDefinitions["in"] = Input().Definition;
        var run = await RunAsync(bridge, [Opt("context:base", "input:in"), Opt("input-metadata:in", "{}")]);

        Assert.True(run.ExitCode == 0, run.Error?.Message);
        var used = Exec(bridge.Solves.Last().Definition, "echo used");
        Assert.Equal("/", used.Exec.Meta.Cwd);
        Assert.Equal("amd64", used.Platform.Architecture);
    }

    [Fact]
    public async Task AMissingInputFailsWithUpstreamsMessage()
    {
        var bridge = WithDockerfile(Dockerfile);
        bridge.InputDefinitions["other"] = Input().Definition;
        var run = await RunAsync(bridge, [Opt("context:base", "input:in")]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("invalid input in for base", Assert.Single(bridge.Returns).Error.Message);
    }

    [Fact]
    public async Task BadMetadataFailsWithUpstreamsPrefix()
    {
        var bridge = WithDockerfile(Dockerfile);
        bridge.InputDefinitions["in"] = Input().Definition;
        var run = await RunAsync(bridge, [Opt("context:base", "input:in"), Opt("input-metadata:in", "[1]")]);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("failed to parse input metadata [1]: ", Assert.Single(bridge.Returns).Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutTheInputsCapTheCapErrorIsReturned()
    {
        var bridge = WithDockerfile(Dockerfile);
        bridge.Caps = [.. FakeBridge.AllCaps.Where(c => c != "frontend.inputs")];
        bridge.InputDefinitions["in"] = Input().Definition;
        var run = await RunAsync(bridge, [Opt("context:base", "input:in")]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "requested feature frontend.inputs  is not supported by build server, please update buildkit",
            Assert.Single(bridge.Returns).Error.Message);
        Assert.Equal(0, bridge.InputCalls);
    }
}
