using System.Diagnostics;
using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Frontend.Tests;

/// <summary>Runs the built <c>csharp-frontend</c> as a process, the way a user does.</summary>
internal static class CliProcess
{
    public sealed record Result(int ExitCode, byte[] Stdout, string Stderr);

    /// <summary>Runs <paramref name="script"/> with <c>sh -c</c>, <c>$CF</c> naming the command (for redirections).</summary>
    public static Result RunShell(string script, string workingDirectory)
    {
        var start = new ProcessStartInfo("sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
            Environment = { ["CF"] = "dotnet " + Binary },
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("sh did not finish in 60 s");
        }

        return new Result(process.ExitCode, System.Text.Encoding.UTF8.GetBytes(stdout.Result), stderr.Result);
    }

    private static string Binary => Path.Combine(AppContext.BaseDirectory, "csharp-frontend.dll");

    public static Result Run(string stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = TestPaths.RepoRoot,
        };
        start.ArgumentList.Add(Binary);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var stdout = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("csharp-frontend did not finish in 60 s");
        }

        copy.Wait();
        return new Result(process.ExitCode, stdout.ToArray(), stderr.Result);
    }
}
