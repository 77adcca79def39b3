using System.Text.RegularExpressions;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Frontend.Dump;

namespace CSharpFrontend.Frontend.Tests.Hostile;

/// <summary>Issue 14 item 16: <c>dump --dot</c> keeps a stage's ops together and the build context out of the way.</summary>
public sealed partial class DotGraphLayoutTests
{
    private const string Dockerfile = """
        FROM alpine AS a
        COPY --link a.txt /a
        RUN cat /a
        FROM alpine AS b
        COPY b.txt /b
        FROM alpine AS c
        COPY c.txt /c
        COPY --from=a /a /a
        COPY --from=b /b /b
        """;

    [Fact]
    public async Task CopyLinkOpsStayInTheirStageAndTheContextIsDrawnPerStage()
    {
        var ops = DefinitionReader.Read(
            (await DockerfileConverter.ConvertAsync(Dockerfile + "\n", new ConvertOptions())).Definition.ToBytes());
        var dot = DotGraph.Render(ops);

        // The internal cluster holds sources only: every op with inputs (the merge of COPY --link too) is in a stage.
        var clusters = Clusters().Matches(dot).ToDictionary(m => m.Groups["label"].Value, m => m.Groups["body"].Value);
        var internalOps = clusters.GetValueOrDefault("internal", "");
        foreach (var op in ops.Where(op => op.Op.Inputs.Count > 0))
        {
            Assert.DoesNotContain(op.Digest, internalOps, StringComparison.Ordinal);
        }

        // The build context: one node in each of the three stages that copy from it, and edges only from those.
        var context = ops.Single(op => op.Op.Source?.Identifier == "local://context");
        var id = context.Digest["sha256:".Length..][..12];
        Assert.Equal(3, Regex.Matches(dot, $"\"{id}@[0-9]+\" \\[label=").Count);
        Assert.DoesNotContain($"\"{id}\" ->", dot, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"subgraph cluster_[0-9]+ \{\n    label=""(?<label>[^""]*)"";\n(?<body>(?:    .*\n)*)  \}")]
    private static partial Regex Clusters();
}
