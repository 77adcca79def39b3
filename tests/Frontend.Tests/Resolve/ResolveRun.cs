using System.CommandLine;
using CSharpFrontend.Frontend.Cli;

namespace CSharpFrontend.Frontend.Tests.Resolve;

/// <summary>Runs <c>resolve</c> in process (through <see cref="ResolveCommand.Create"/>), capturing its output.</summary>
internal static class ResolveRun
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static async Task<Result> RunAsync(params string[] args)
    {
        var root = new RootCommand("test") { ResolveCommand.Create() };
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await root.Parse(["resolve", .. args]).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
        return new Result(exit, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>A temporary directory removed at dispose.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir(string prefix) => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string text)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
