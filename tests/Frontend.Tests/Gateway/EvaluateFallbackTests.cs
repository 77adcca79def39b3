using System.Text;
using static CSharpFrontend.Frontend.Tests.Gateway.GatewayHarness;

namespace CSharpFrontend.Frontend.Tests.Gateway;

/// <summary>
/// An evaluated solve (a <c>local:</c> named context's <c>.dockerignore</c>) against daemons without
/// <c>gateway.solve.evaluate</c>: v0.11.6's grpcclient solves lazily and then stats <c>.</c> of each ref.
/// </summary>
public sealed class EvaluateFallbackTests
{
    private static FakeBridge Bridge(params string[] without)
    {
        var bridge = WithDockerfile("FROM alpine\nCOPY --from=src . /src\n");
        bridge.Files[("srcdir", ".dockerignore")] = Encoding.UTF8.GetBytes("*.md\n");
        bridge.Caps = [.. FakeBridge.AllCaps.Except(without)];
        return bridge;
    }

    [Fact]
    public async Task WithTheCapTheSolveIsEvaluatedAndNothingIsStatted()
    {
        var bridge = Bridge();
        var run = await RunAsync(bridge, [Opt("context:src", "local:srcdir")]);

        Assert.True(run.ExitCode == 0, run.Error?.Message);
        Assert.True(Assert.Single(bridge.Solves, s => FakeBridge.SourceOf(s.Definition) == "srcdir").Evaluate);
        Assert.Empty(bridge.Stats);
    }

    [Fact]
    public async Task WithoutTheCapTheRefIsStatted()
    {
        var bridge = Bridge("gateway.solve.evaluate");
        var run = await RunAsync(bridge, [Opt("context:src", "local:srcdir")]);

        Assert.True(run.ExitCode == 0, run.Error?.Message);
        Assert.False(Assert.Single(bridge.Solves, s => FakeBridge.SourceOf(s.Definition) == "srcdir").Evaluate);
        var stat = Assert.Single(bridge.Stats);
        Assert.Equal((".", "srcdir"), (stat.Path, bridge.RefSources[stat.Ref]));
    }

    [Fact]
    public async Task WithoutStatFileEitherTheCapErrorIsReturned()
    {
        var bridge = Bridge("gateway.solve.evaluate", "statfile");
        var run = await RunAsync(bridge, [Opt("context:src", "local:srcdir")]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("requested feature statfile  is not supported by build server, please update buildkit", Assert.Single(bridge.Returns).Error.Message);
        Assert.Empty(bridge.Stats);
    }
}
