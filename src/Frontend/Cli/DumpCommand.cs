using System.CommandLine;
using System.Text;
using CSharpFrontend.Converter.Profiles;
using CSharpFrontend.Frontend.Dump;

namespace CSharpFrontend.Frontend.Cli;

/// <summary>
/// <c>dump [FILE|-] [--dot] [--compat v0.24|v0.11]</c>: prints a binary <c>pb.Definition</c> as
/// <c>buildctl debug dump-llb</c> of the chosen BuildKit release does (one JSON line per op), or as a Graphviz graph.
/// </summary>
public static class DumpCommand
{
    private const string Help =
        "Print an LLB definition (a binary pb.Definition, ours or BuildKit's) as `buildctl debug dump-llb` does:\n" +
        "one JSON object per op, in definition order: {\"Op\":...,\"Digest\":\"sha256:...\",\"OpMetadata\":{...}}.\n" +
        "--compat chooses the release whose JSON it equals: v0.24 (the default; zero values left out, the terminal op's\n" +
        "Op is {}) or v0.11 (indexes always written, \"Op\":null).\n" +
        "With --dot, print a Graphviz graph instead: one node per op, edges from inputs labelled with their role,\n" +
        "the ops of each build stage in a cluster.\n\n" +
        "Examples:\n" +
        "  csharp-frontend dump def.pb\n" +
        "  csharp-frontend translate Dockerfile | csharp-frontend dump\n" +
        "  csharp-frontend dump --compat v0.11 def.pb\n" +
        "  csharp-frontend dump def.pb | jq -r '.OpMetadata.description[\"llb.customname\"] // empty'\n" +
        "  csharp-frontend dump --dot def.pb | dot -Tsvg -o graph.svg";

    /// <summary>Where the command reads and writes: the process's standard streams, or others in tests.</summary>
    /// <param name="OpenStdin">Opens the stream read for <c>-</c>.</param>
    /// <param name="Stdout">Receives the dump (UTF-8).</param>
    /// <param name="Stderr">Receives error messages.</param>
    public sealed record Streams(Func<Stream> OpenStdin, Func<Stream> Stdout, Func<TextWriter> Stderr)
    {
        /// <summary>The process's standard input, output and error.</summary>
        public static Streams Console { get; } = new(
            System.Console.OpenStandardInput,
            System.Console.OpenStandardOutput,
            () => System.Console.Error);
    }

    /// <summary>The <c>dump</c> command, on the process's standard streams unless <paramref name="streams"/> says otherwise.</summary>
    public static Command Create(Streams? streams = null)
    {
        var io = streams ?? Streams.Console;
        var file = new Argument<string>("FILE") { Description = "binary pb.Definition to read, or - for standard input", DefaultValueFactory = _ => "-" };
        var dot = new Option<bool>("--dot") { Description = "print a Graphviz digraph instead of JSON lines" };
        var compat = CompatOption.Create();
        var command = new Command("dump", Help) { file, dot, compat };
        command.SetAction(result => Run(io, result.GetValue(file)!, result.GetValue(dot), CompatOption.Profile(result.GetValue(compat))));
        return command;
    }

    private static int Run(Streams io, string path, bool dot, BuildKitProfile profile)
    {
        byte[] bytes;
        try
        {
            bytes = ReadAll(io, path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            io.Stderr().WriteLine($"error: cannot read {path}: {ex.Message}");
            return 1;
        }

        IReadOnlyList<DumpedOp> ops;
        try
        {
            ops = DefinitionReader.Read(bytes);
        }
        catch (LlbDumpException ex)
        {
            io.Stderr().WriteLine($"error: {(path == "-" ? "<stdin>" : path)}: {ex.Message}");
            return 1;
        }

        var output = dot ? Encoding.UTF8.GetBytes(DotGraph.Render(ops)) : JsonLinesDump.Render(ops, DumpFormat.For(profile));
        var stdout = io.Stdout();
        stdout.Write(output);
        stdout.Flush();
        return 0;
    }

    private static byte[] ReadAll(Streams io, string path)
    {
        if (path != "-")
        {
            return File.ReadAllBytes(path);
        }

        using var stdin = io.OpenStdin();
        using var buffer = new MemoryStream();
        stdin.CopyTo(buffer);
        return buffer.ToArray();
    }
}
