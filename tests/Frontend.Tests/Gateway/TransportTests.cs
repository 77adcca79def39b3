using System.IO.Pipes;
using CSharpFrontend.Frontend.Gateway;
using Moby.Buildkit.V1.Frontend;

namespace CSharpFrontend.Frontend.Tests.Gateway;

/// <summary>The gRPC transport: h2c over a stream pair shaped like a process's stdin and stdout.</summary>
public sealed class TransportTests
{
    [Fact]
    public async Task CallsGoOverSeparateInputAndOutputPipes()
    {
        await using var host = await FakeBridgeHost.StartAsync();
        await using var socket = await host.ConnectAsync();

        // stdin: daemon → pipe → us; stdout: us → pipe → daemon. Two one-way OS pipes, as buildkitd gives a frontend.
        using var stdinWriter = new AnonymousPipeServerStream(PipeDirection.Out);
        using var stdinReader = new AnonymousPipeClientStream(PipeDirection.In, stdinWriter.ClientSafePipeHandle);
        using var stdoutReader = new AnonymousPipeServerStream(PipeDirection.In);
        using var stdoutWriter = new AnonymousPipeClientStream(PipeDirection.Out, stdoutReader.ClientSafePipeHandle);
        using var stop = new CancellationTokenSource();
        var toUs = Pump(socket, stdinWriter, stop.Token);
        var toDaemon = Pump(stdoutReader, socket, stop.Token);

        using (var channel = BridgeChannel.Over(new DuplexStream(stdinReader, stdoutWriter)))
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            for (var i = 0; i < 3; i++)
            {
                var pong = await channel.Client.PingAsync(new PingRequest(), deadline: deadline);
                Assert.Contains(pong.FrontendAPICaps, c => c.ID == "return");
            }

            // Concurrent calls share the one connection.
            var reads = Enumerable.Range(0, 8).Select(i => channel.Client.InputsAsync(new InputsRequest(), deadline: deadline).ResponseAsync);
            await Task.WhenAll(reads);
        }

        Assert.Equal(3, host.Bridge.Pings);
        await stop.CancelAsync();
        await Task.WhenAny(Task.WhenAll(toUs, toDaemon), Task.Delay(2000));
    }

    [Fact]
    public async Task AClosedDaemonFailsTheCallInsteadOfHanging()
    {
        using var pair = new SocketPair();
        pair.Daemon.Dispose();
        using var channel = BridgeChannel.Over(pair.Frontend);
        var error = await Assert.ThrowsAsync<Grpc.Core.RpcException>(async () =>
            await channel.Client.PingAsync(new PingRequest(), deadline: DateTime.UtcNow.AddSeconds(10)));
        Assert.Equal(Grpc.Core.StatusCode.Unavailable, error.StatusCode);
    }

    [Fact]
    public async Task ASilentDaemonHitsTheDeadline()
    {
        using var pair = new SocketPair();
        using var channel = BridgeChannel.Over(pair.Frontend);
        var error = await Assert.ThrowsAsync<Grpc.Core.RpcException>(async () =>
            await channel.Client.PingAsync(new PingRequest(), deadline: DateTime.UtcNow.AddMilliseconds(300)));
        Assert.Equal(Grpc.Core.StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public async Task TheStreamIsUsedForOneConnectionOnly()
    {
        using var pair = new SocketPair();
        pair.Daemon.Dispose();
        using var channel = BridgeChannel.Over(pair.Frontend);
        await Assert.ThrowsAsync<Grpc.Core.RpcException>(async () => await channel.Client.PingAsync(new PingRequest(), deadline: DateTime.UtcNow.AddSeconds(5)));
        var second = await Assert.ThrowsAsync<Grpc.Core.RpcException>(async () => await channel.Client.PingAsync(new PingRequest(), deadline: DateTime.UtcNow.AddSeconds(5)));
        Assert.Equal(Grpc.Core.StatusCode.Unavailable, second.StatusCode);
    }

    private static async Task Pump(Stream from, Stream to, CancellationToken cancellationToken)
    {
        var buffer = new byte[16384];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                await to.FlushAsync(cancellationToken);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
        }
    }
}
