using System.Text.Json;
using Grpc.Core;
using static CSharpFrontend.Frontend.Tests.Gateway.GatewayHarness;

namespace CSharpFrontend.Frontend.Tests.Gateway;

/// <summary><c>build-arg:SOURCE_DATE_EPOCH</c> over the gateway (builder/build.go <c>parseSourceDateEpoch</c> → <c>ConvertOpt.SourceDateEpoch</c>).</summary>
public sealed class SourceDateEpochTests
{
    [Fact]
    public async Task TheEpochDatesTheHistoryTheDockerfileAdds()
    {
        var bridge = WithDockerfile("FROM alpine\nARG SOURCE_DATE_EPOCH\nRUN echo $SOURCE_DATE_EPOCH\n");
        var run = await RunAsync(bridge, [Opt("build-arg:SOURCE_DATE_EPOCH", "1700000000")]);

        Assert.True(run.ExitCode == 0, run.Error?.Message);
        using var config = JsonDocument.Parse(Assert.Single(bridge.Returns).Result.Metadata["containerimage.config"].Memory);
        var history = config.RootElement.GetProperty("history").EnumerateArray().ToArray();
        Assert.Equal(2, history.Length);
        Assert.All(history, h => Assert.Equal("2023-11-14T22:13:20Z", h.GetProperty("created").GetString()));
        Assert.False(config.RootElement.TryGetProperty("created", out _));

        // Declared, it is an ordinary build arg too: in the RUN's environment.
        var exec = bridge.Solves.ToArray()[^1].Definition.Def.Select(b => Pb.Op.Parser.ParseFrom(b)).Single(o => o.Exec is not null).Exec;
        Assert.Contains("SOURCE_DATE_EPOCH=1700000000", exec.Meta.Env);
    }

    [Fact]
    public async Task WithoutTheArgNothingIsDated()
    {
        var bridge = WithDockerfile("FROM alpine\nRUN true\n");
        var run = await RunAsync(bridge);

        Assert.True(run.ExitCode == 0, run.Error?.Message);
        Assert.DoesNotContain("\"created\"", Assert.Single(bridge.Returns).Result.Metadata["containerimage.config"].ToStringUtf8(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEpochPastYear9999FailsWhenTheConfigIsWritten()
    {
        var bridge = WithDockerfile("FROM alpine\nRUN true\n");
        var run = await RunAsync(bridge, [Opt("build-arg:SOURCE_DATE_EPOCH", "999999999999")]);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("failed to marshal image config: ", Assert.Single(bridge.Returns).Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadEpochFailsTheBuildWithUpstreamsMessage()
    {
        var bridge = WithDockerfile("FROM alpine\nRUN true\n");
        var run = await RunAsync(bridge, [Opt("build-arg:SOURCE_DATE_EPOCH", "99999999999999999999")]);

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(bridge.Returns).Error;
        Assert.Equal((int)StatusCode.Unknown, error.Code);
        Assert.Equal("invalid SOURCE_DATE_EPOCH: 99999999999999999999: strconv.ParseInt: parsing \"99999999999999999999\": value out of range", error.Message);
        // v0.24's dockerui reads the epoch with the other options, before the Dockerfile: nothing was solved.
        Assert.Empty(bridge.Solves);
    }
}
