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

    public static Result Run(IEnumerable<string> args, TimeSpan? timeout = null) => RunProgram(Executable, args, timeout);

    /// <summary>Runs another program (buildctl) with the same environment and capture.</summary>
    public static Result RunProgram(string program, IEnumerable<string> args, TimeSpan? timeout = null, byte[]? stdin = null)
    {
        var (exitCode, stdout, stderr) = Run(program, args, stream => new StreamReader(stream, Encoding.UTF8).ReadToEnd(), timeout, stdin);
        return new Result(exitCode, stdout, stderr);
    }

    /// <summary>Runs docker and hands its stdout stream to <paramref name="read"/> (for binary output such as a tar).</summary>
    /// <summary>Runs a program and keeps its stdout as bytes.</summary>
    public static (int ExitCode, byte[] Stdout, string Stderr) RunBinary(string program, IEnumerable<string> args) =>
        Run(program, args, stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        }, null, null);

    public static (int ExitCode, T Value, string Stderr) Run<T>(IEnumerable<string> args, Func<Stream, T> read, TimeSpan? timeout = null) =>
        Run(Executable, args, read, timeout, null);

    private static (int ExitCode, T Value, string Stderr) Run<T>(
        string program, IEnumerable<string> args, Func<Stream, T> read, TimeSpan? timeout, byte[]? stdin)
    {
        var start = new ProcessStartInfo(program)
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
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        if (stdin is not null)
        {
            process.StandardInput.BaseStream.Write(stdin);
        }

        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        var value = Task.Run(() => read(process.StandardOutput.BaseStream));
        var limit = timeout ?? TimeSpan.FromMinutes(3);
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not end within {limit}");
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
