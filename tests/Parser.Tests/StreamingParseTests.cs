using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Parser.Tests;

/// <summary>
/// <see cref="ParseOptions.KeepSyntax"/> false (each node made into its instruction at once, no tree kept) gives the
/// same typed tree and the same diagnostics as the two-pass parse, on every corpus Dockerfile and on the orders of
/// errors where the passes matter; the nodes reach <see cref="ParseOptions.OnNode"/> in order either way.
/// </summary>
public sealed class StreamingParseTests
{
    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>
        {
            "FROM alpine\nEXPOSE\nRUN <<EOF\n",
            "FROM alpine\nEXPOSE\nRUN echo\n",
            "ARG A\nRUN x\n",
            "ONBUILD RUN <<EOF\nx\nEOF\n",
            "# escape=`\nFROM a AS b\nRUN x `\n  y\nCOPY --from=b /a /b\n",
            "\uFEFFFROM a\nMAINTAINER me\n",
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void TheSameResultWithoutTheTree(string text) => AssertSame(text);

    [Fact]
    public void TheSameResultOnTheCorpus()
    {
        var files = new[] { TestPaths.ConformanceDir, TestPaths.ConformanceV011Dir }
            .SelectMany(dir => Directory.EnumerateFiles(Path.Combine(dir, "cases"), "Dockerfile", SearchOption.AllDirectories)).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            AssertSame(File.ReadAllText(file), file);
        }
    }

    private static void AssertSame(string text, string? name = null)
    {
        var keptNodes = new List<SyntaxNode>();
        var streamedNodes = new List<SyntaxNode>();
        var kept = DockerfileParser.Parse(text, new ParseOptions { OnNode = keptNodes.Add });
        var streamed = DockerfileParser.Parse(text, new ParseOptions { KeepSyntax = false, OnNode = streamedNodes.Add });
        Assert.True(Render(kept) == Render(streamed), name);
        Assert.Equal(kept.Syntax?.Nodes.Length ?? 0, keptNodes.Count);
        Assert.Equal(keptNodes.Select(n => n.Original + n.Range), streamedNodes.Take(keptNodes.Count).Select(n => n.Original + n.Range));
        Assert.True(streamed.Syntax is null || streamed.Syntax.Nodes.IsEmpty);
    }

    private static string Render(ParseResult result)
    {
        var text = new System.Text.StringBuilder();
        foreach (var d in result.Diagnostics)
        {
            text.Append(d.Severity).Append(' ').Append(d.Range).Append(' ').Append(d.Message).Append('\n');
        }

        if (result.Ast is { } ast)
        {
            text.Append(ast.EscapeToken).Append(' ').Append(string.Join(',', ast.Directives.Select(d => d.Name + "=" + d.Value))).Append('\n');
            foreach (var instruction in ast.MetaArgs.Cast<Instruction>().Concat(ast.Stages.SelectMany(s => s.Commands.Prepend(s.From))))
            {
                text.Append(instruction.GetType().Name).Append(' ').Append(instruction.Keyword).Append(' ').Append(instruction.Range)
                    .Append(' ').Append(instruction.Original).Append(" #").Append(string.Join('|', instruction.Comments)).Append('\n');
            }
        }

        return text.ToString();
    }
}
