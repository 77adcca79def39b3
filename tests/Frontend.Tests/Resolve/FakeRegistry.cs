using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CSharpFrontend.Frontend.Tests.Resolve;

/// <summary>
/// A minimal distribution API server on a free 127.0.0.1 port (HttpListener): manifests by repository and tag or
/// digest, blobs by digest; optionally demanding an anonymous bearer token from its own <c>/token</c> endpoint.
/// </summary>
internal sealed class FakeRegistry : IDisposable
{
    public const string Token = "anonymous-token-42";

    private readonly HttpListener _listener;
    private readonly Task _loop;
    private readonly ConcurrentDictionary<string, (byte[] Content, string MediaType)> _manifests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _blobs = new(StringComparer.Ordinal);

    public FakeRegistry()
    {
        for (var attempt = 0; ; attempt++)
        {
            Port = FreePort();
            _listener = new HttpListener();
            _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                _listener.Close();
            }
        }

        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>The domain of references to this registry.</summary>
    public string Host => $"127.0.0.1:{Port}";

    /// <summary>Answer manifest and blob requests without the token with 401 and a Bearer challenge.</summary>
    public bool RequireToken { get; init; }

    /// <summary>Sends manifests without Docker-Content-Digest.</summary>
    public bool OmitDigestHeader { get; init; }

    /// <summary>Replaces what is sent for a path (<c>/v2/…</c>), to corrupt content.</summary>
    public ConcurrentDictionary<string, byte[]> Overrides { get; } = new(StringComparer.Ordinal);

    /// <summary>Every request as <c>METHOD path?query [Authorization]</c>.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public void AddManifest(string repository, string reference, TestBlob manifest) =>
        _manifests[$"{repository}/{reference}"] = (manifest.Content, manifest.MediaType);

    public void AddBlob(string repository, TestBlob blob) => _blobs[$"{repository}/{blob.Digest}"] = blob.Content;

    /// <summary>Pushes an image: its blobs, its manifest by digest and under <paramref name="tag"/>.</summary>
    public void Push(string repository, string tag, TestImage image)
    {
        AddBlob(repository, image.Layer);
        AddBlob(repository, image.Config);
        AddManifest(repository, image.Manifest.Digest, image.Manifest);
        AddManifest(repository, tag, image.Manifest);
    }

    /// <summary>Pushes an index over <paramref name="images"/> under <paramref name="tag"/>.</summary>
    public void PushIndex(string repository, string tag, TestBlob index, params TestImage[] images)
    {
        foreach (var image in images)
        {
            Push(repository, image.Manifest.Digest, image);
        }

        AddManifest(repository, index.Digest, index);
        AddManifest(repository, tag, index);
    }

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                Handle(context);
            }
            catch (Exception e) when (e is HttpListenerException or IOException)
            {
            }
            finally
            {
                context.Response.Close();
            }
        }
    }

    private void Handle(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var path = request.Url!.AbsolutePath;
        Requests.Enqueue($"{request.HttpMethod} {request.Url.PathAndQuery} [{request.Headers["Authorization"]}]");
        if (path == "/token")
        {
            Send(response, 200, "application/json", Encoding.UTF8.GetBytes($"{{\"token\":\"{Token}\",\"expires_in\":300}}"));
            return;
        }

        var (kind, repository, reference) = Split(path);
        if (kind is null)
        {
            Send(response, 404, "text/plain", "404 page not found"u8.ToArray());
            return;
        }

        if (RequireToken && request.Headers["Authorization"] != "Bearer " + Token)
        {
            response.AddHeader("WWW-Authenticate",
                $"Bearer realm=\"http://{Host}/token\",service=\"fake-registry\",scope=\"repository:{repository}:pull\"");
            Send(response, 401, "application/json", Error("UNAUTHORIZED", "authentication required"));
            return;
        }

        if (kind == "manifests" && _manifests.TryGetValue($"{repository}/{reference}", out var manifest))
        {
            if (!OmitDigestHeader)
            {
                response.AddHeader("Docker-Content-Digest", new TestBlob("", manifest.Content).Digest);
            }

            Send(response, 200, manifest.MediaType, Overrides.GetValueOrDefault(path, manifest.Content));
        }
        else if (kind == "blobs" && _blobs.TryGetValue($"{repository}/{reference}", out var blob))
        {
            Send(response, 200, "application/octet-stream", Overrides.GetValueOrDefault(path, blob));
        }
        else
        {
            Send(response, 404, "application/json",
                kind == "manifests" ? Error("MANIFEST_UNKNOWN", "manifest unknown") : Error("BLOB_UNKNOWN", "blob unknown to registry"));
        }
    }

    private static (string? Kind, string Repository, string Reference) Split(string path)
    {
        foreach (var kind in (string[])["manifests", "blobs"])
        {
            var marker = $"/{kind}/";
            var at = path.LastIndexOf(marker, StringComparison.Ordinal);
            if (path.StartsWith("/v2/", StringComparison.Ordinal) && at > 4)
            {
                return (kind, path[4..at], path[(at + marker.Length)..]);
            }
        }

        return (null, "", "");
    }

    private static byte[] Error(string code, string message) =>
        Encoding.UTF8.GetBytes($"{{\"errors\":[{{\"code\":\"{code}\",\"message\":\"{message}\"}}]}}");

    private static void Send(HttpListenerResponse response, int status, string contentType, byte[] body)
    {
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength64 = body.Length;
        response.OutputStream.Write(body);
    }
}
