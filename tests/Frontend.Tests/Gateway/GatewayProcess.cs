using System.Diagnostics;
using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Frontend.Tests.Gateway;

/// <summary>
/// The built <c>csharp-frontend</c> started as buildkitd starts a frontend: no arguments, the gateway variables
/// (plus <paramref name="extra"/>), stdin and stdout raw for gRPC, stderr collected.
/// </summary>
public sealed class GatewayProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stderr;

    public GatewayProcess(IEnumerable<KeyValuePair<string, string>>? options = null, IReadOnlyDictionary<string, string>? extra = null)
    {
        // GATEWAY_PROCESS_BINARY names a native build (out/aot/csharp-frontend) to run instead of the managed one.
        var native = Environment.GetEnvironmentVariable("GATEWAY_PROCESS_BINARY");
        var start = new ProcessStartInfo(string.IsNullOrEmpty(native) ? "dotnet" : native)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (string.IsNullOrEmpty(native))
        {
            start.ArgumentList.Add(Binary);
        }
        foreach (var (key, value) in GatewayHarness.Variables(options))
        {
            start.Environment[key] = value;
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start)!;
        _stderr = _process.StandardError.ReadToEndAsync();
    }

    /// <summary>
    /// The frontend's own build output (not the copy in the test output: the tests' ASP.NET framework reference
    /// drops the logging package the gRPC client loads).
    /// </summary>
    public static string Binary
    {
        get
        {
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
            return Path.Combine(TestPaths.RepoRoot, "src", "Frontend", "bin", output.Parent!.Name, output.Name, "csharp-frontend.dll");
        }
    }

    /// <summary>The frontend's stdin (what the daemon sends it).</summary>
    public Stream Input => _process.StandardInput.BaseStream;

    /// <summary>The frontend's stdout (its gRPC bytes).</summary>
    public Stream Output => _process.StandardOutput.BaseStream;

    /// <summary>Waits for the exit; fails the test (and kills the process) when it takes longer than <paramref name="timeout"/>.</summary>
    public async Task<(int ExitCode, string Stderr, TimeSpan Elapsed)> WaitAsync(TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail($"the frontend did not exit within {timeout}");
        }

        return (_process.ExitCode, await _stderr, watch.Elapsed);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
