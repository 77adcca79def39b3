using System.Text;
using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Parser.Tests;

/// <summary>Timing-sensitive tests run alone.</summary>
[CollectionDefinition(nameof(SerialCollection), DisableParallelization = true)]
public sealed class SerialCollection;

/// <summary>Robustness: mutated and pathological inputs give diagnostics, never exceptions, in bounded time and memory.</summary>
[Collection(nameof(SerialCollection))]
public sealed class PropertyTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    private static readonly string[] Tokens =
    [
        "\\", "\\\n", "`", "\"", "'", "$", "${", "}", "${a:-${b}}", "[", "]", "[\"a\", ", "<<", "<<EOF\n", "<<-'E'\n", "EOF\n",
        "\n", "\r\n", "\r", "\t", " ", "#", "# escape=`\n", "# syntax=x\n", "--", "--mount=", "--flag=\"a b\" ", "=", ",",
        "ONBUILD ", "RUN ", "COPY ", "FROM ", "ENV ", "ARG ", "HEALTHCHECK ", "CMD ", "\u00e9", "\u00a0", "\uFEFF", "\0",
        "\ud800", "\U0001F600", "{\"a\":[1,{}]}", "1e999", "AS ", "type=cache,target=/x",
    ];

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in TestPaths.CaseNames())
        {
            data.Add(name);
        }

        return data;
    }

    static PropertyTests()
    {
        // Bounded time is about the algorithm, not JIT warm-up: run the parser over the corpus once first.
        foreach (var name in TestPaths.CaseNames())
        {
            DockerfileParser.Parse(File.ReadAllBytes(Path.Combine(TestPaths.CasesDir, name, "Dockerfile")));
        }
    }

    private static void Check(string text)
    {
        if (text.Length > 1 << 20)
        {
            GC.Collect();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        var cpu = ThreadCpu.Start();
        var result = DockerfileParser.Parse(text);
        string? dump = result.Syntax is null ? null : AstDump.Render(result.Syntax);
        var elapsed = cpu.Elapsed();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(elapsed < Budget, $"parse took {elapsed} ({cpu.Kind}) for {text.Length} chars");
        Assert.True(allocated < (128L * text.Length) + (32L << 20), $"allocated {allocated} bytes for {text.Length} chars");
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.ResourceLimit);
        if (result.Ast is null)
        {
            Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        }
        else
        {
            Assert.NotNull(dump);
            Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        }
    }

    internal static string Mutate(string text, Random rng)
    {
        var sb = new StringBuilder(text);
        int edits = rng.Next(1, 6);
        for (int e = 0; e < edits; e++)
        {
            int pos = sb.Length == 0 ? 0 : rng.Next(sb.Length + 1);
            switch (rng.Next(7))
            {
                case 0:
                case 1:
                    sb.Insert(pos, Tokens[rng.Next(Tokens.Length)]);
                    break;
                case 2:
                    if (sb.Length > 0)
                    {
                        int len = Math.Min(rng.Next(1, 40), sb.Length - Math.Min(pos, sb.Length - 1));
                        sb.Remove(Math.Min(pos, sb.Length - 1), Math.Max(1, len));
                    }

                    break;
                case 3:
                    sb.Length = pos;
                    break;
                case 4:
                    if (sb.Length > 0)
                    {
                        int start = rng.Next(sb.Length);
                        int len = Math.Min(rng.Next(1, 200), sb.Length - start);
                        sb.Insert(pos, sb.ToString(start, len));
                    }

                    break;
                case 5:
                    if (sb.Length > 0)
                    {
                        sb[Math.Min(pos, sb.Length - 1)] = (char)rng.Next(0, 0x3000);
                    }

                    break;
                default:
                    sb.Replace("\n", "\r\n");
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>12 seeded mutations per corpus file (about 3400 inputs in all).</summary>
    [Theory]
    [MemberData(nameof(CaseNames))]
    public void MutatedCorpusFiles(string name)
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.CasesDir, name, "Dockerfile"));
        var rng = new Random(StringComparer.Ordinal.GetHashCode(name) ^ 0x5eed);
        rng = new Random(name.Aggregate(17, (h, c) => unchecked((h * 31) + c)));
        Check(text);
        for (int i = 0; i < 12; i++)
        {
            Check(Mutate(text, rng));
        }
    }

    public static TheoryData<string> Pathological() =>
    [
        "huge-line",
        "ten-megabytes",
        "deep-onbuild",
        "deep-onbuild-short",
        "dollar-nesting",
        "json-nesting",
        "continuations",
        "heredocs",
        "unterminated-quotes",
        "flags",
        "comments-only",
    ];

    [Theory]
    [MemberData(nameof(Pathological))]
    public void PathologicalInputs(string kind)
    {
        string text = kind switch
        {
            "huge-line" => "FROM a\nRUN " + new string('x', 1 << 20) + "\n",
            "ten-megabytes" => "FROM alpine\n" + string.Concat(Enumerable.Repeat("RUN --mount=type=cache,target=/c echo \"hello world\" && ls -la /tmp \\\n  && true\n", (10 << 20) / 80)),
            "deep-onbuild" => "FROM a\n" + string.Concat(Enumerable.Repeat("ONBUILD ", 8000)) + "RUN x\n",
            "deep-onbuild-short" => "FROM a\n" + string.Concat(Enumerable.Repeat("ONBUILD ", 60)) + "RUN x\n",
            "dollar-nesting" => "FROM a\nRUN <<EOF " + string.Concat(Enumerable.Repeat("${a:-", 10000)) + string.Concat(Enumerable.Repeat("}", 10000)) + "\nEOF\n",
            "json-nesting" => "FROM a\nCMD [" + new string('[', 20000) + new string(']', 20000) + "]\n",
            "continuations" => "FROM a\nRUN a \\\n" + string.Concat(Enumerable.Repeat("  b \\\n\\\n#c\n", 400000)) + "c\n",
            "heredocs" => "FROM a\n" + string.Concat(Enumerable.Repeat("COPY <<A <<B <<C /x\na\nA\nb\nB\nc\nC\n", 50000)),
            "unterminated-quotes" => "FROM a\n" + string.Concat(Enumerable.Repeat("RUN --x=\"a <<E '\" \"\n", 50000)),
            "flags" => "FROM a\nRUN " + string.Concat(Enumerable.Repeat("--mount=type=bind ", 3000)) + "x\n",
            _ => string.Concat(Enumerable.Repeat("# comment line\n", 500000)),
        };
        Check(text);
    }
}
