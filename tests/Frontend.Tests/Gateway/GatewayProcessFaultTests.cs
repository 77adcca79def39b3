using System.Text;
using CSharpFrontend.Frontend.Gateway;

namespace CSharpFrontend.Frontend.Tests.Gateway;

/// <summary>
/// The built frontend against a daemon that misbehaves on its stdin/stdout: it exits non-zero within a bound,
/// says why on stderr, and writes nothing to stdout but HTTP/2.
/// </summary>
public sealed class GatewayProcessFaultTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AStalledDaemonEndsTheProcessAtThePingDeadline()
    {
        using var process = new GatewayProcess(extra: Timeouts("ping=2s"));
        using var silent = new SocketPair();
        await using var relay = new Relay(process.Output, process.Input, silent.Frontend);

        var (exitCode, stderr, _) = await process.WaitAsync(Bound);
        await relay.DrainAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(1, exitCode);
        Assert.Contains("failed to initialize client from environment: DeadlineExceeded", stderr, StringComparison.Ordinal);
        // The preface and SETTINGS went out; the Ping itself waits for the daemon's half of the handshake.
        Assert.Equal(4, Http2ClientBytes.FrameTypes(relay.FrontendBytes)[0]);
    }

    [Fact]
    public async Task GarbageFromTheDaemonEndsTheProcessAtOnce()
    {
        // A one-minute ping deadline: ending well before it shows the garbage itself ended the run.
        using var process = new GatewayProcess(extra: Timeouts("ping=1m"));
        using var daemon = new SocketPair();
        await using var relay = new Relay(process.Output, process.Input, daemon.Frontend);
        await daemon.Daemon.WriteAsync(Encoding.ASCII.GetBytes("\0\0\u0004garbage that is not an HTTP/2 server preface\n"));

        var (exitCode, stderr, elapsed) = await process.WaitAsync(Bound);
        await relay.DrainAsync(TimeSpan.FromSeconds(5));

        Assert.True(elapsed < TimeSpan.FromSeconds(25), elapsed.ToString());
        Assert.Equal(1, exitCode);
        Assert.Contains("failed to initialize client from environment: ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", stderr, StringComparison.Ordinal);
        Assert.True(stderr.Contains("HttpRequestException", StringComparison.Ordinal), stderr);
        Http2ClientBytes.FrameTypes(relay.FrontendBytes);
    }

    [Fact]
    public async Task AConnectionDroppedMidSolveEndsTheProcess()
    {
        var bridge = GatewayHarness.WithDockerfile("FROM alpine\nRUN true\n");
        bridge.Delays["Solve"] = TimeSpan.FromMinutes(5);
        await using var host = await FakeBridgeHost.StartAsync(bridge);
        using var process = new GatewayProcess();
        await using var relay = new Relay(process.Output, process.Input, await host.ConnectAsync());
        bridge.OnCall = method =>
        {
            if (method == "Solve")
            {
                relay.Cut();
            }
        };

        var (exitCode, stderr, _) = await process.WaitAsync(Bound);
        await relay.DrainAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(1, exitCode);
        Assert.Contains("error: Unavailable: failed to resolve dockerfile: Unavailable: ", stderr, StringComparison.Ordinal);
        Assert.Contains("failed to return the error: Unavailable: ", stderr, StringComparison.Ordinal);
        Assert.Empty(bridge.Returns);
        Assert.Equal(1, bridge.Pings);
        Http2ClientBytes.FrameTypes(relay.FrontendBytes);
    }

    [Fact]
    public async Task ADaemonThatStopsReadingEndsTheProcess()
    {
        // The read end of the frontend's stdout closed: its first write fails (EPIPE), which must not kill it silently.
        using var process = new GatewayProcess(extra: Timeouts("ping=1m"));
        process.Output.Dispose();

        var (exitCode, stderr, elapsed) = await process.WaitAsync(Bound);

        Assert.True(elapsed < TimeSpan.FromSeconds(25), elapsed.ToString());
        Assert.Equal(1, exitCode);
        Assert.Contains("failed to initialize client from environment: Unavailable: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadTimeoutsVariableIsAnErrorBeforeAnyByteIsWritten()
    {
        using var process = new GatewayProcess(extra: Timeouts("ping=soon"));
        var stdout = new MemoryStream();
        var copy = process.Output.CopyToAsync(stdout);

        var (exitCode, stderr, _) = await process.WaitAsync(Bound);
        await copy;

        Assert.Equal(1, exitCode);
        Assert.Contains($"error: {GatewayTimeouts.Variable}: bad duration \"soon\"", stderr, StringComparison.Ordinal);
        Assert.Equal(0, stdout.Length);
    }

    private static Dictionary<string, string> Timeouts(string value) => new() { [GatewayTimeouts.Variable] = value };
}
