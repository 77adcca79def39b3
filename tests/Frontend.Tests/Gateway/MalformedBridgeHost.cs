using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net.Sockets;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Moby.Buildkit.V1.Apicaps;
using Moby.Buildkit.V1.Frontend;

namespace CSharpFrontend.Frontend.Tests.Gateway;

/// <summary>
/// An LLBBridge at the byte level (Kestrel, h2c, no gRPC library): well-formed gRPC framing and status, but the
/// methods named in <see cref="Malformed"/> answer a message that is not valid protobuf. Ping, Inputs and Return
/// answer properly otherwise; Return requests are recorded.
/// </summary>
public sealed class MalformedBridgeHost : IAsyncDisposable
{
    /// <summary>A length-delimited field 1 of 16 bytes with only one byte present: truncated, unparseable.</summary>
    public static readonly byte[] BadMessage = [0x0A, 0x10, 0x01];

    private readonly UnixSocketHost _host;

    private MalformedBridgeHost(UnixSocketHost host, IReadOnlySet<string> malformed, ConcurrentQueue<ReturnRequest> returns)
    {
        _host = host;
        Malformed = malformed;
        Returns = returns;
    }

    public string SocketPath => _host.SocketPath;

    public IReadOnlySet<string> Malformed { get; }

    public ConcurrentQueue<ReturnRequest> Returns { get; }

    public static async Task<MalformedBridgeHost> StartAsync(params string[] malformed)
    {
        var (host, builder) = UnixSocketHost.Create("csf-bad-");
        var app = builder.Build();
        var set = malformed.ToHashSet(StringComparer.Ordinal);
        var returns = new ConcurrentQueue<ReturnRequest>();
        app.MapPost("/moby.buildkit.v1.frontend.LLBBridge/{method}", context => Answer(context, set, returns));
        await host.StartAsync(app);
        return new MalformedBridgeHost(host, set, returns);
    }

    public Task<NetworkStream> ConnectAsync() => _host.ConnectAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static async Task Answer(HttpContext context, IReadOnlySet<string> malformed, ConcurrentQueue<ReturnRequest> returns)
    {
        var method = (string)context.Request.RouteValues["method"]!;
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var request = body.Length >= 5 ? body.ToArray()[5..] : [];

        byte[] message;
        if (malformed.Contains(method))
        {
            message = BadMessage;
        }
        else
        {
            switch (method)
            {
                case "Ping":
                    var pong = new PongResponse();
                    pong.FrontendAPICaps.AddRange(FakeBridge.AllCaps.Select(id => new APICap { ID = id, Enabled = true }));
                    pong.LLBCaps.AddRange(Converter.Llb.CapId.All.Select(id => new APICap { ID = id, Enabled = true }));
                    message = pong.ToByteArray();
                    break;
                case "Inputs":
                    message = new InputsResponse().ToByteArray();
                    break;
                case "Return":
                    returns.Enqueue(ReturnRequest.Parser.ParseFrom(request));
                    message = new ReturnResponse().ToByteArray();
                    break;
                default:
                    context.Response.ContentType = "application/grpc";
                    context.Response.AppendTrailer("grpc-status", "12");
                    context.Response.AppendTrailer("grpc-message", "not served here");
                    return;
            }
        }

        context.Response.ContentType = "application/grpc";
        var frame = new byte[5 + message.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)message.Length);
        message.CopyTo(frame, 5);
        await context.Response.Body.WriteAsync(frame);
        context.Response.AppendTrailer("grpc-status", "0");
    }
}
