using System.Diagnostics;
using System.Text;
using CSharpFrontend.Frontend.Gateway;
using Grpc.Core;
using static CSharpFrontend.Frontend.Tests.Gateway.GatewayHarness;

namespace CSharpFrontend.Frontend.Tests.Gateway;

/// <summary>
/// A daemon that misbehaves on the wire — drops the connection mid-call, answers bytes that are not HTTP/2 or
/// protobuf, or never answers — ends the run with exit code 1 and a status that says so, within a bound.
/// </summary>
public sealed class GatewayFaultTests
{
    private const string Dockerfile = "FROM alpine\nRUN true\n";

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ADroppedConnectionMidCallEndsTheRun()
    {
        var bridge = WithDockerfile(Dockerfile);
        bridge.Delays["Solve"] = TimeSpan.FromMinutes(5);
        await using var host = await FakeBridgeHost.StartAsync(bridge);
        using var pair = new SocketPair();
        await using var relay = new Relay(pair.Daemon, pair.Daemon, await host.ConnectAsync());
        bridge.OnCall = method =>
        {
            if (method == "Solve")
            {
                relay.Cut();
            }
        };

        var watch = Stopwatch.StartNew();
        var (run, log) = await RunOver(pair.Frontend, GatewayTimeouts.Default);

        Assert.True(watch.Elapsed < Bound, watch.Elapsed.ToString());
        Assert.Equal(1, run.ExitCode);
        Assert.False(run.Returned);
        Assert.Equal((int)StatusCode.Unavailable, run.Error!.Code);
        Assert.Contains("error: ", log, StringComparison.Ordinal);
        Assert.Contains("failed to return the error", log, StringComparison.Ordinal);
        Assert.Empty(bridge.Returns);
    }

    [Fact]
    public async Task BytesThatAreNotHttp2EndTheRunAtOnce()
    {
        using var pair = new SocketPair();
        var garbage = Encoding.ASCII.GetBytes("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\nthis is not a gRPC daemon\n");
        await pair.Daemon.WriteAsync(garbage);

        var watch = Stopwatch.StartNew();
        var (run, log) = await RunOver(pair.Frontend, GatewayTimeouts.Default);

        // Well before the 15 s ping deadline: the connection is refused as soon as its first bytes are read.
        Assert.True(watch.Elapsed < Bound, watch.Elapsed.ToString());
        Assert.Equal(1, run.ExitCode);
        Assert.NotEqual((int)StatusCode.DeadlineExceeded, run.Error!.Code);
        Assert.StartsWith("failed to initialize client from environment: ", log, StringComparison.Ordinal);
        Assert.False(run.Returned);
    }

    [Fact]
    public async Task AMalformedPongEndsTheRun()
    {
        await using var host = await MalformedBridgeHost.StartAsync("Ping");
        await using var stream = await host.ConnectAsync();

        var (run, log) = await RunOver(stream, GatewayTimeouts.Default);

        Assert.Equal(1, run.ExitCode);
        // Grpc.Net.Client reports a response it cannot parse as Unavailable, naming the protobuf failure.
        Assert.Equal((int)StatusCode.Unavailable, run.Error!.Code);
        Assert.StartsWith("failed to initialize client from environment: Unavailable: ", log, StringComparison.Ordinal);
        Assert.Contains("InvalidProtocolBufferException", log, StringComparison.Ordinal);
        Assert.Empty(host.Returns);
    }

    [Fact]
    public async Task AMalformedAnswerMidBuildIsReturnedAsAnError()
    {
        await using var host = await MalformedBridgeHost.StartAsync("Solve");
        await using var stream = await host.ConnectAsync();

        var (run, _) = await RunOver(stream, GatewayTimeouts.Default);

        Assert.Equal(1, run.ExitCode);
        Assert.True(run.Returned);
        var error = Assert.Single(host.Returns).Error;
        Assert.Equal((int)StatusCode.Unavailable, error.Code);
        Assert.StartsWith("failed to resolve dockerfile: Unavailable: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("InvalidProtocolBufferException", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADaemonThatNeverAnswersHitsThePingDeadline()
    {
        using var pair = new SocketPair();
        var watch = Stopwatch.StartNew();
        var (run, log) = await RunOver(pair.Frontend, new GatewayTimeouts { Ping = TimeSpan.FromMilliseconds(400) });

        Assert.True(watch.Elapsed < Bound, watch.Elapsed.ToString());
        Assert.Equal(1, run.ExitCode);
        Assert.Equal((int)StatusCode.DeadlineExceeded, run.Error!.Code);
        Assert.StartsWith("failed to initialize client from environment: DeadlineExceeded: ", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStalledReturnIsBoundedToo()
    {
        var bridge = WithDockerfile(Dockerfile);
        bridge.Delays["Return"] = TimeSpan.FromMinutes(5);
        var watch = Stopwatch.StartNew();
        var run = await RunAsync(bridge, timeouts: new GatewayTimeouts { Return = TimeSpan.FromMilliseconds(400) });

        // The result's Return times out, then so does the Return of that error: two deadlines, then exit 1.
        Assert.True(watch.Elapsed < Bound, watch.Elapsed.ToString());
        Assert.Equal(1, run.ExitCode);
        Assert.False(run.Returned);
        Assert.Equal((int)StatusCode.DeadlineExceeded, run.Error!.Code);
        Assert.Equal(2, bridge.Returns.Count);
    }

    private static async Task<(GatewayRunResult Run, string Log)> RunOver(Stream stream, GatewayTimeouts timeouts)
    {
        var log = new StringWriter();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var run = await GatewayEntry.RunAsync(new GatewayRunOptions
        {
            Input = stream,
            Output = stream,
            Variables = Variables(),
            Log = log,
            Timeouts = timeouts,
        }, cancel.Token);
        return (run, log.ToString());
    }
}
