using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace CSharpFrontend.E2E.Tests;

/// <summary>
/// A plain HTTP server on 127.0.0.1 for the daemon to download from (ADD of URLs, remote build contexts): the
/// files of tests/e2e/http plus content registered at run time. Started on first use, for the whole test run.
/// </summary>
internal sealed class E2EHttpServer
{
    private static readonly Lazy<E2EHttpServer> Shared = new(() => new E2EHttpServer());

    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, byte[]> _extra = new(StringComparer.Ordinal);
    private readonly string _root = Path.Combine(TestPaths.RepoRoot, "tests", "e2e", "http");

    private E2EHttpServer()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public static E2EHttpServer Instance => Shared.Value;

    public string BaseUrl { get; }

    /// <summary>Serves <paramref name="content"/> at <c>/<paramref name="name"/></c> and returns its URL.</summary>
    public string Publish(string name, byte[] content)
    {
        _extra[name] = content;
        return $"{BaseUrl}/{name}";
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception error) when (error is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var response = context.Response;
            var name = context.Request.Url!.AbsolutePath.TrimStart('/');
            var body = _extra.TryGetValue(name, out var extra) ? extra
                : !name.Contains("..", StringComparison.Ordinal) && File.Exists(Path.Combine(_root, name)) ? File.ReadAllBytes(Path.Combine(_root, name))
                : null;
            response.StatusCode = body is null ? 404 : 200;
            if (body is not null && context.Request.HttpMethod != "HEAD")
            {
                response.ContentLength64 = body.Length;
                await response.OutputStream.WriteAsync(body).ConfigureAwait(false);
            }
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
