using Grpc.Net.Client;
using Moby.Buildkit.V1.Frontend;

namespace CSharpFrontend.Frontend.Gateway;

/// <summary>
/// A gRPC channel to BuildKit's <c>LLBBridge</c> over one already-open byte stream: plain HTTP/2 with prior
/// knowledge (h2c), the connection handed to <see cref="SocketsHttpHandler.ConnectCallback"/>. The address is a
/// dummy; the stream can be used for one connection only, so a reconnect fails instead of writing twice.
/// </summary>
public sealed class BridgeChannel : IDisposable
{
    private readonly GrpcChannel _channel;
    private Stream? _stream;

    private BridgeChannel(Stream stream)
    {
        _stream = stream;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = (_, _) => new ValueTask<Stream>(Take()),
            EnableMultipleHttp2Connections = false,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,

            // grpc-go accepts header lists (a status message rides in the trailers) up to 16 MB; .NET's default of
            // 64 KiB made a long daemon error tear the connection down before the frontend could return its own.
            MaxResponseHeadersLength = MaxHeaderListKiB,
        };
        _channel = GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions
        {
            HttpHandler = handler,
            DisposeHttpClient = true,
            MaxReceiveMessageSize = MaxMessageSize,
            MaxSendMessageSize = MaxMessageSize,
        });
        Client = new LLBBridge.LLBBridgeClient(_channel);
    }

    /// <summary>The largest message either way (definitions and image configs can be large; BuildKit allows 16 MiB+).</summary>
    public const int MaxMessageSize = 64 * 1024 * 1024;

    /// <summary>The largest header list (and trailers) accepted from the daemon, in KiB: grpc-go's 16 MB.</summary>
    public const int MaxHeaderListKiB = 16 * 1024;

    /// <summary>The generated client.</summary>
    public LLBBridge.LLBBridgeClient Client { get; }

    /// <summary>Opens a channel whose single connection is <paramref name="stream"/> (owned from now on).</summary>
    public static BridgeChannel Over(Stream stream) => new(stream);

    private Stream Take() =>
        Interlocked.Exchange(ref _stream, null)
        ?? throw new IOException("the connection to the BuildKit daemon is closed and cannot be reopened");

    /// <inheritdoc/>
    public void Dispose()
    {
        _channel.Dispose();
        Interlocked.Exchange(ref _stream, null)?.Dispose();
    }
}
