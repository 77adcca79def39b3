using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using CSharpFrontend.Shared;

namespace CSharpFrontend.Parser.Tests;

/// <summary>
/// Random-mutation differential against BuildKit's own parser. Runs only when <c>BUILDKIT_PARSER_DUMP</c> (v0.24.0)
/// or <c>BUILDKIT_PARSER_DUMP_V011</c> (v0.11.6) names a reference program: a small Go program, kept outside the
/// project, built against that BuildKit release's sources. It reads file paths on stdin and prints for each
/// <c>== path</c>, then what <see cref="Describe"/> prints (parser.Parse: error, or escape, warnings, each node's
/// Dump(), lines, json attribute, Original, PrevComment, heredocs; then instructions.Parse: error or stages).
/// <c>PARSER_DIFFERENTIAL_FILES</c> sets the number of mutated files (default 20,000). Without the program a case is
/// skipped, saying so; CI (which cannot build it: BuildKit's sources are not at hand there) leaves the
/// <c>Differential</c> category out of its run (scripts/test.sh), so that its summary has nothing skipped.
/// </summary>
[Collection(nameof(SerialCollection))]
[Trait("Category", "Differential")]
public sealed class DifferentialTests
{
    [ReferenceProgramFact("BUILDKIT_PARSER_DUMP")]
    public void MutatedCorpusAgreesWithBuildKitV024() => Run("BUILDKIT_PARSER_DUMP", BuildKitDialect.Current);

    [ReferenceProgramFact("BUILDKIT_PARSER_DUMP_V011")]
    public void MutatedCorpusAgreesWithBuildKitV011() => Run("BUILDKIT_PARSER_DUMP_V011", BuildKitDialect.V0_11);

    private static void Run(string variable, BuildKitDialect dialect)
    {
        var tool = Environment.GetEnvironmentVariable(variable)!;

        int count = int.TryParse(Environment.GetEnvironmentVariable("PARSER_DIFFERENTIAL_FILES"), out var n) ? n : 20_000;
        var dir = Path.Combine(Path.GetTempPath(), "parser-differential-" + dialect);
        Directory.CreateDirectory(dir);
        var paths = WriteInputs(dir, count);
        var pathSet = paths.ToHashSet(StringComparer.Ordinal);
        var reference = RunReference(tool, paths, pathSet);
        var differences = new List<string>();
        foreach (var path in paths)
        {
            var ours = Describe(File.ReadAllBytes(path), dialect);
            if (!reference.TryGetValue(path, out var theirs) || Normalize(theirs) != Normalize(ours))
            {
                differences.Add($"{path}\n--- buildkit\n{theirs}--- ours\n{ours}");
            }
        }

        File.WriteAllText(Path.Combine(dir, "differences.txt"), string.Join("\n", differences));
        Assert.True(differences.Count == 0, $"{differences.Count} of {paths.Count} differ; first:\n{string.Join("\n", differences.Take(3))}");
    }

    private static List<string> WriteInputs(string dir, int count)
    {
        var sources = Corpus.All.SelectMany(c => c.CaseNames().Select(name => File.ReadAllText(Path.Combine(c.CasesDir, name, "Dockerfile"))))
            .Distinct(StringComparer.Ordinal).ToArray();
        var rng = new Random(20261204);
        var paths = new List<string>(count);
        for (int i = 0; i < count; i++)
        {
            var text = PropertyTests.Mutate(sources[rng.Next(sources.Length)], rng);
            var bytes = Encoding.UTF8.GetBytes(text);
            var path = Path.Combine(dir, $"{i:D6}.dockerfile");
            File.WriteAllBytes(path, bytes);
            paths.Add(path);
        }

        return paths;
    }

    /// <summary>
    /// What is not compared. BuildKit picks the first closest option in Go map order, which is random: with two
    /// options at the same distance either may be named, so only the presence of a suggestion is compared. Our
    /// strings are UTF-16: where BuildKit's string holds bytes that are not UTF-8 (it reads flag words byte by byte,
    /// and a character with a 0x85 or 0xA0 byte, such as <c>à</c>, is split there), ours holds U+FFFD, so Go's
    /// <c>\xNN</c> escapes of such bytes are compared as U+FFFD.
    /// </summary>
    private static string Normalize(string? s) =>
        s is null
            ? string.Empty
            : Regex.Replace(Regex.Replace(s, @" \(did you mean [^?]*\?\)", " (did you mean …?)"), @"(\\x[89a-f][0-9a-f])+", "\uFFFD");

    private static Dictionary<string, string> RunReference(string tool, List<string> paths, HashSet<string> pathSet)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        foreach (var path in paths)
        {
            process.StandardInput.WriteLine(path);
        }

        process.StandardInput.Close();
        var text = stdout.GetAwaiter().GetResult();
        process.WaitForExit();
        var blocks = new Dictionary<string, string>(StringComparer.Ordinal);
        string? current = null;
        var sb = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("== ", StringComparison.Ordinal) && pathSet.Contains(line[3..]))
            {
                if (current is not null)
                {
                    blocks[current] = sb.ToString();
                }

                current = line[3..];
                sb.Clear();
            }
            else if (current is not null && line.Length > 0)
            {
                sb.Append(line).Append('\n');
            }
        }

        if (current is not null)
        {
            blocks[current] = sb.ToString();
        }

        return blocks;
    }

    /// <summary>Our side of the reference program's output for one file.</summary>
    internal static string Describe(byte[] bytes, BuildKitDialect dialect)
    {
        var r = DockerfileParser.Parse(bytes, new ParseOptions { Dialect = dialect });
        var sb = new StringBuilder();
        if (r.Syntax is null)
        {
            var e = r.FirstError!;
            sb.Append("error: ").Append(GoQuoting.Quote(e.ToBuildKitMessage())).Append(" @").Append(e.Range.StartLine).Append('-').Append(e.Range.EndLine).Append('\n');
            return sb.ToString();
        }

        var tree = r.Syntax;
        sb.Append("escape ").Append(GoQuoting.Quote(tree.EscapeToken.ToString())).Append('\n');
        foreach (var w in r.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning))
        {
            sb.Append("warning: ").Append(GoQuoting.Quote(w.Message)).Append(" @").Append(w.Range.StartLine).Append('-').Append(w.Range.EndLine).Append('\n');
        }

        foreach (var node in tree.Nodes)
        {
            sb.Append(AstDump.RenderNode(node)).Append('\n');
            sb.Append("  lines ").Append(node.StartLine).Append('-').Append(node.EndLine)
                .Append(" json=").Append(Json(node) ? "true" : "false")
                .Append(" original=").Append(GoQuoting.Quote(node.Original)).Append('\n');
            if (node.PrevComments.Length > 0)
            {
                sb.Append("  comments [").Append(string.Join(' ', node.PrevComments.Select(c => GoQuoting.Quote(c)))).Append("]\n");
            }

            foreach (var h in node.Heredocs)
            {
                sb.Append("  heredoc ").Append(GoQuoting.Quote(h.Name)).Append(" fd=").Append(h.FileDescriptor)
                    .Append(" expand=").Append(h.Expand ? "true" : "false").Append(" chomp=").Append(h.Chomp ? "true" : "false")
                    .Append(" content=").Append(GoQuoting.Quote(h.Content)).Append('\n');
            }
        }

        if (r.Ast is null)
        {
            var e = r.FirstError!;
            sb.Append("instructions: ").Append(GoQuoting.Quote(e.ToBuildKitMessage())).Append(" @").Append(e.Range.StartLine).Append('-').Append(e.Range.EndLine).Append('\n');
            return sb.ToString();
        }

        sb.Append("instructions: ok meta=").Append(r.Ast.MetaArgs.Length).Append(" stages=").Append(r.Ast.Stages.Length).Append('\n');
        foreach (var s in r.Ast.Stages)
        {
            sb.Append("  stage ").Append(GoQuoting.Quote(s.Name)).Append(" base=").Append(GoQuoting.Quote(s.BaseName))
                .Append(" platform=").Append(GoQuoting.Quote(s.Platform)).Append(" commands=").Append(s.Commands.Length).Append('\n');
        }

        return sb.ToString();
    }

    // Go's Node.Attributes["json"]: set on the node that was read in JSON form (the child for ONBUILD is not looked at).
    private static bool Json(SyntaxNode node) => node.IsJson;
}

/// <summary>A fact that needs the reference program named by an environment variable; skipped, saying so, without it.</summary>
public sealed class ReferenceProgramFactAttribute : FactAttribute
{
    public ReferenceProgramFactAttribute(string variable)
    {
        if (Environment.GetEnvironmentVariable(variable) is not { Length: > 0 })
        {
            Skip = $"set {variable} to BuildKit's parser dump program (see DifferentialTests) to run the differential";
        }
    }
}
