using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CSharpFrontend.Frontend.Tests.Hostile;

/// <summary>
/// Issue 14 items 5 and 11 (redirects): a registry that answers the headers and then stalls or drips the body is
/// abandoned after <c>--timeout</c>; one that redirects forever is reported as too many redirects.
/// </summary>
public sealed class StallingRegistryTests
{
    [Theory]
    [InlineData("stall")]
    [InlineData("drip")]
    public void ABodyThatNeverEndsTimesOut(string behaviour)
    {
        using var server = new RawHttpServer(async (stream, _, cancel) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                "HTTP/1.1 200 OK\r\nContent-Type: application/vnd.oci.image.manifest.v1+json\r\nContent-Length: 100000\r\n\r\n{"), cancel);
            while (!cancel.IsCancellationRequested)
            {
                await Task.Delay(500, cancel);
                if (behaviour == "drip")
                {
                    await stream.WriteAsync(" "u8.ToArray(), cancel);
                }
            }
        });
        var clock = Stopwatch.StartNew();
        var result = Resolve(server.Port, "--timeout", "2");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("did not complete the exchange in 2 s", result.Stderr);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public void ARedirectLoopIsTooManyRedirects()
    {
        using var server = new RawHttpServer(async (stream, path, cancel) =>
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 302 Found\r\nLocation: {path}\r\nContent-Length: 0\r\n\r\n"), cancel));
        var result = Resolve(server.Port, "--timeout", "10");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("stopped after 10 redirects", result.Stderr);
    }

    private static CliProcess.Result Resolve(int port, params string[] options)
    {
        var output = Path.Combine(Path.GetTempPath(), $"stall-{Guid.NewGuid():N}.json");
        var result = CliProcess.Run($"FROM 127.0.0.1:{port}/tools/busybox:1.36\n", ["resolve", "-", "-o", output, .. options]);
        Assert.False(File.Exists(output));
        return result;
    }

    /// <summary>An HTTP/1.1 server on a free port that hands each request's stream and path to a handler.</summary>
    private sealed class RawHttpServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();

        public RawHttpServer(Func<NetworkStream, string, CancellationToken, Task> handler)
        {
            _listener.Start();
            _ = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    _ = Task.Run(async () =>
                    {
                        using (client)
                        {
                            var stream = client.GetStream();
                            var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
                            while (true)
                            {
                                var request = await reader.ReadLineAsync(_stop.Token);
                                if (request is null)
                                {
                                    return;
                                }

                                while (await reader.ReadLineAsync(_stop.Token) is { Length: > 0 })
                                {
                                }

                                await handler(stream, request.Split(' ')[1], _stop.Token);
                            }
                        }
                    });
                }
            });
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
        }
    }
}
