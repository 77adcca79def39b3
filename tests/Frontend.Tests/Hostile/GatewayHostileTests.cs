using CSharpFrontend.Frontend.Tests.Gateway;
using CSharpFrontend.Tests.Shared;
using Grpc.Core;
using static CSharpFrontend.Frontend.Tests.Gateway.GatewayHarness;

namespace CSharpFrontend.Frontend.Tests.Hostile;

/// <summary>Issue 14 items 7, 8, 10 and 12: the gateway against a daemon, base images and options it does not expect.</summary>
public sealed class GatewayHostileTests
{
    [Fact]
    public async Task ADaemonErrorOver64KiBStillLetsTheFrontendReturnItsError()
    {
        var bridge = WithDockerfile("FROM alpine\nRUN true\n");
        var message = "daemon says: " + new string('x', 200_000);
        bridge.Failures["Solve"] = new RpcException(new Status(StatusCode.Unknown, message));
        var run = await RunAsync(bridge);

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(bridge.Returns).Error;
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALongCycleInALargeDockerfileSendsTheFileABoundedNumberOfTimes()
    {
        var dockerfile = HostileInputs.CopyFromCycle(20_000);
        var bridge = WithDockerfile(dockerfile);
        var run = await RunAsync(bridge);

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(bridge.Returns).Error;
        Assert.Equal("circular dependency detected on stage: s0", error.Message);
        Assert.InRange(error.Details.Count, 1, Math.Max(1, Frontend.Gateway.DockerfileBuild.MaxSourceDetailBytes / dockerfile.Length));
    }

    [Fact]
    public async Task BuildkitSyntaxIsRefusedNotIgnored()
    {
        var bridge = WithDockerfile("FROM alpine\nRUN true\n");
        var run = await RunAsync(bridge, [Opt("build-arg:BUILDKIT_SYNTAX", "docker/dockerfile:1.7")]);

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(bridge.Returns).Error;
        Assert.Equal((int)StatusCode.Unimplemented, error.Code);
        Assert.StartsWith("failed with build-arg:BUILDKIT_SYNTAX = docker/dockerfile:1.7: csharp-frontend does not forward", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASyntaxDirectiveNamingAnotherFrontendIsRefusedAndLocated()
    {
        var bridge = WithDockerfile("# syntax=docker/dockerfile:1.7\nFROM alpine\nRUN true\n");
        var run = await RunAsync(bridge, [Opt("source", "csharp-frontend:e2e")]);

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(bridge.Returns).Error;
        Assert.Equal((int)StatusCode.Unimplemented, error.Code);
        Assert.Contains("# syntax=docker/dockerfile:1.7 names another frontend", error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(error.Details);
    }

    [Theory]
    [InlineData("cmdline", "csharp-frontend:e2e")]
    [InlineData("source", "docker.io/library/csharp-frontend:e2e")]
    public async Task ASyntaxDirectiveThatBroughtTheBuildHereIsNotAForward(string key, string value)
    {
        var bridge = WithDockerfile("# syntax=csharp-frontend:e2e\nFROM alpine\nRUN true\n");
        var run = await RunAsync(bridge, [Opt(key, value)]);

        Assert.Equal(0, run.ExitCode);
        Assert.Null(Assert.Single(bridge.Returns).Error);
    }

    [Theory]
    [InlineData("md5:0123456789abcdef0123456789abcdef", "unsupported digest algorithm")]
    [InlineData("sha256:xyz", "invalid digest format")]
    public async Task ABadDigestFromTheDaemonIsReportedInDistributionsWords(string digest, string reason)
    {
        var bridge = WithDockerfile("FROM alpine\nRUN true\n");
        bridge.Images["docker.io/library/alpine:latest"] = (digest, AlpineConfig);
        var run = await RunAsync(bridge);

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(bridge.Returns).Error;
        Assert.Contains($"the daemon answered digest \"{digest}\": {reason}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Parameter", error.Message, StringComparison.Ordinal);
    }
}
