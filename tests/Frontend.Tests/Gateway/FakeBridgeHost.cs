using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CSharpFrontend.Frontend.Tests.Gateway;

/// <summary>Hosts a <see cref="FakeBridge"/> with Kestrel (HTTP/2 only, h2c) on a Unix socket; connect gives a raw stream to it.</summary>
public sealed class FakeBridgeHost : IAsyncDisposable
{
    private readonly UnixSocketHost _host;

    private FakeBridgeHost(UnixSocketHost host, FakeBridge bridge)
    {
        _host = host;
        Bridge = bridge;
    }

    public FakeBridge Bridge { get; }

    public string SocketPath => _host.SocketPath;

    public static async Task<FakeBridgeHost> StartAsync(FakeBridge? bridge = null)
    {
        bridge ??= new FakeBridge();
        var (host, builder) = UnixSocketHost.Create("csf-gw-");
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = 64 * 1024 * 1024;
            grpc.EnableDetailedErrors = true;
        });
        builder.Services.AddSingleton(bridge);
        var app = builder.Build();
        app.MapGrpcService<FakeBridge>();
        await host.StartAsync(app);
        return new FakeBridgeHost(host, bridge);
    }

    /// <summary>A fresh connection to the fake: one stream both ways, as the frontend's stdio is.</summary>
    public Task<NetworkStream> ConnectAsync() => _host.ConnectAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
