using CSharpFrontend.Frontend.Tests.Gateway;
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
}
