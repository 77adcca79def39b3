using System.Net.Sockets;

namespace CSharpFrontend.Frontend.Tests.Gateway;

/// <summary>Two connected Unix sockets: the frontend's end and the daemon's, for daemons a test plays by hand.</summary>
public sealed class SocketPair : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("csf-pair-").FullName;

    public SocketPair()
    {
        var path = Path.Combine(_directory, "s");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(1);
        var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        client.Connect(new UnixDomainSocketEndPoint(path));
        Frontend = new NetworkStream(client, ownsSocket: true);
        Daemon = new NetworkStream(listener.Accept(), ownsSocket: true);
    }

    public NetworkStream Frontend { get; }

    public NetworkStream Daemon { get; }

    public void Dispose()
    {
        Frontend.Dispose();
        Daemon.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
