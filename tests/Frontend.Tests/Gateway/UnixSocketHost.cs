using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace CSharpFrontend.Frontend.Tests.Gateway;

/// <summary>
/// Kestrel speaking HTTP/2 only (h2c) on a Unix socket in a temporary directory: what the fake daemons share.
/// <see cref="Create"/> gives the builder to configure; connect gives a raw stream, as the frontend's stdio is.
/// </summary>
public sealed class UnixSocketHost : IAsyncDisposable
{
    private readonly string _directory;
    private WebApplication? _app;

    private UnixSocketHost(string directory)
    {
        _directory = directory;
        SocketPath = Path.Combine(directory, "bridge.sock");
    }

    public string SocketPath { get; }

    /// <summary>A host whose builder listens on the socket; call <see cref="StartAsync"/> with the built app.</summary>
    public static (UnixSocketHost Host, WebApplicationBuilder Builder) Create(string prefix)
    {
        var host = new UnixSocketHost(Directory.CreateTempSubdirectory(prefix).FullName);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenUnixSocket(host.SocketPath, listen => listen.Protocols = HttpProtocols.Http2));
        return (host, builder);
    }

    public async Task StartAsync(WebApplication app)
    {
        _app = app;
        await app.StartAsync();
    }

    public async Task<NetworkStream> ConnectAsync()
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath));
        return new NetworkStream(socket, ownsSocket: true);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
