using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Frontend.Tests.Resolve;

/// <summary>
/// Debian's <c>docker-registry</c> (distribution 2.x) run as a child process on a free 127.0.0.1 port with a
/// temporary config and storage directory; images are pushed with <c>skopeo copy</c> from OCI layouts made on disk.
/// Tests using it are <see cref="LocalRegistryFactAttribute"/>s, skipped when the tools are not installed.
/// </summary>
internal sealed class LocalRegistry : IDisposable
{
    private readonly TempDir _dir = new("registry-");
    private readonly Process _process;

    public LocalRegistry()
    {
        if (MissingTools() is { } missing)
        {
            throw new InvalidOperationException(missing);
        }

        Port = FreePort();
        var config = _dir.Write("config.yml", $"""
            version: 0.1
            log:
              level: error
              accesslog:
                disabled: true
            storage:
              filesystem:
                rootdirectory: {_dir.File("storage")}
            http:
              addr: 127.0.0.1:{Port}
            """);
        var start = new ProcessStartInfo(Executable("docker-registry")!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(config);
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitUntilServing();
    }

    public int Port { get; }

    /// <summary>The domain of references to this registry.</summary>
    public string Host => $"127.0.0.1:{Port}";

    /// <summary>Why the registry tests cannot run here, or null when they can.</summary>
    public static string? MissingTools()
    {
        var missing = new[] { "docker-registry", "skopeo" }.Where(tool => Executable(tool) is null).ToList();
        return missing.Count == 0
            ? null
            : $"needs {string.Join(" and ", missing)} on PATH (apt-get install -y docker-registry skopeo)";
    }

    /// <summary>Pushes <paramref name="top"/> (a manifest or an index) and <paramref name="blobs"/> as <c>REPOSITORY:TAG</c>, digests preserved.</summary>
    public void Push(string repository, string tag, TestBlob top, IEnumerable<TestBlob> blobs)
    {
        using var layout = new TempDir("layout-");
        TestImage.WriteLayout(layout.Path, top, "image", blobs);
        var start = new ProcessStartInfo(Executable("skopeo")!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["--insecure-policy", "copy", "--all", "--preserve-digests", "--dest-tls-verify=false",
                     $"oci:{layout.Path}:image", $"docker://{Host}/{repository}:{tag}"])
        {
            start.ArgumentList.Add(arg);
        }

        using var skopeo = Process.Start(start)!;
        var stderr = skopeo.StandardError.ReadToEndAsync();
        var stdout = skopeo.StandardOutput.ReadToEndAsync();
        if (!skopeo.WaitForExit(60_000))
        {
            skopeo.Kill(entireProcessTree: true);
            throw new TimeoutException("skopeo copy did not finish in 60 s");
        }

        if (skopeo.ExitCode != 0)
        {
            throw new InvalidOperationException($"skopeo copy failed ({skopeo.ExitCode}): {stderr.Result}{stdout.Result}");
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(10_000);
            }
        }
        finally
        {
            _process.Dispose();
            _dir.Dispose();
        }
    }

    private void WaitUntilServing()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"docker-registry exited with {_process.ExitCode} at start");
            }

            try
            {
                if (http.GetAsync($"http://{Host}/v2/").GetAwaiter().GetResult().StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            Thread.Sleep(100);
        }

        Dispose();
        throw new TimeoutException($"docker-registry did not serve http://{Host}/v2/ within 20 s");
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private static string? Executable(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}

/// <summary>A fact that needs <see cref="LocalRegistry"/>'s tools; skipped, saying which are missing, without them (failed then under <c>E2E_REQUIRED=1</c>).</summary>
public sealed class LocalRegistryFactAttribute : FactAttribute
{
    public LocalRegistryFactAttribute()
    {
        Skip = RequiredTools.SkipReason(LocalRegistry.MissingTools());
    }
}
