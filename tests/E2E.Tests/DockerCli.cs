using System.Diagnostics;
using System.Text;

namespace CSharpFrontend.E2E.Tests;

/// <summary>Debian's docker CLI (20.10: BuildKit builds without buildx) against the daemon at DOCKER_HOST.</summary>
internal static class DockerCli
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string Output => Stdout + Stderr;
    }

    /// <summary>The daemon scripts/e2e-setup.sh starts, unless E2E_DOCKER_HOST names another.</summary>
    public static string Host =>
        Environment.GetEnvironmentVariable("E2E_DOCKER_HOST") is { Length: > 0 } host ? host : "unix:///tmp/dk/docker.sock";

    public static string Executable => Environment.GetEnvironmentVariable("E2E_DOCKER") is { Length: > 0 } path ? path : "/usr/bin/docker";

    public static Result Run(IEnumerable<string> args, TimeSpan? timeout = null)
    {
        var (exitCode, stdout, stderr) = Run(args, stream => new StreamReader(stream, Encoding.UTF8).ReadToEnd(), timeout);
        return new Result(exitCode, stdout, stderr);
    }

    /// <summary>Runs docker and hands its stdout stream to <paramref name="read"/> (for binary output such as a tar).</summary>
    public static (int ExitCode, T Value, string Stderr) Run<T>(IEnumerable<string> args, Func<Stream, T> read, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOCKER_BUILDKIT"] = "1";
        start.Environment["DOCKER_HOST"] = Host;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Executable}");
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        var value = Task.Run(() => read(process.StandardOutput.BaseStream));
        var limit = timeout ?? TimeSpan.FromMinutes(3);
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"docker {string.Join(' ', args)} did not end within {limit}");
        }

        process.WaitForExit();
        return (process.ExitCode, value.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    public static Result Check(params string[] args)
    {
        var result = Run(args);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"docker {string.Join(' ', args)} failed ({result.ExitCode}):\n{result.Output}");
        }

        return result;
    }
}
