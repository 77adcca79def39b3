using System.CommandLine;
using System.Text;
using CSharpFrontend.Frontend.Cli;

namespace CSharpFrontend.Frontend.Tests.Dump;

/// <summary>Runs <c>dump</c> in-process through its System.CommandLine command, on memory streams.</summary>
internal static class DumpInvocation
{
    public sealed record Result(int ExitCode, byte[] Stdout, string Stderr)
    {
        public string StdoutText => Encoding.UTF8.GetString(Stdout);
    }

    public static Result Run(byte[] stdin, params string[] args)
    {
        var stdout = new MemoryStream();
        var stderr = new StringWriter();
        var streams = new DumpCommand.Streams(() => new MemoryStream(stdin, writable: false), () => stdout, () => stderr);
        var root = new RootCommand { DumpCommand.Create(streams) };
        var config = new InvocationConfiguration { Output = new StringWriter(), Error = stderr };
        var exitCode = root.Parse(["dump", .. args]).Invoke(config);
        return new Result(exitCode, stdout.ToArray(), stderr.ToString());
    }

    /// <summary>The text System.CommandLine prints for <c>dump --help</c>.</summary>
    public static string Help()
    {
        var output = new StringWriter();
        var root = new RootCommand { DumpCommand.Create() };
        root.Parse(["dump", "--help"]).Invoke(new InvocationConfiguration { Output = output });
        return output.ToString();
    }
}
