using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CSharpFrontend.Frontend.Tests.Gateway;

/// <summary>Hosts a <see cref="FakeBridge"/> with Kestrel (HTTP/2 only, h2c) on a Unix socket; connect gives a raw stream to it.</summary>
public sealed class FakeBridgeHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;

    private FakeBridgeHost(WebApplication app, string directory, string socketPath, FakeBridge bridge)
    {
        _app = app;
        _directory = directory;
        SocketPath = socketPath;
        Bridge = bridge;
    }

    public FakeBridge Bridge { get; }

    public string SocketPath { get; }

    public static async Task<FakeBridgeHost> StartAsync(FakeBridge? bridge = null)
    {
        bridge ??= new FakeBridge();
        var directory = Directory.CreateTempSubdirectory("csf-gw-").FullName;
        var socketPath = Path.Combine(directory, "bridge.sock");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenUnixSocket(socketPath, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = 64 * 1024 * 1024;
            grpc.EnableDetailedErrors = true;
        });
        builder.Services.AddSingleton(bridge);
        var app = builder.Build();
        app.MapGrpcService<FakeBridge>();
        await app.StartAsync();
        return new FakeBridgeHost(app, directory, socketPath, bridge);
    }

    /// <summary>A fresh connection to the fake: one stream both ways, as the frontend's stdio is.</summary>
    public async Task<NetworkStream> ConnectAsync()
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath));
        return new NetworkStream(socket, ownsSocket: true);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
