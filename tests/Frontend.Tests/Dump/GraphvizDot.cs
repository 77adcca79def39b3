using System.Diagnostics;

namespace CSharpFrontend.Frontend.Tests.Dump;

/// <summary>Runs Graphviz's <c>dot -Tsvg</c> on a graph.</summary>
internal static class GraphvizDot
{
    public sealed record Result(int ExitCode, string Svg, string Stderr);

    public static Result ToSvg(string graph)
    {
        var start = new ProcessStartInfo(DotInstalledFactAttribute.Required)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new System.Text.UTF8Encoding(false),
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        start.ArgumentList.Add("-Tsvg");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(graph);
        process.StandardInput.Close();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dot did not finish in 60 s");
        }

        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
