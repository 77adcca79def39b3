using System.Text.RegularExpressions;
using CSharpFrontend.Frontend.Dump;
using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Frontend.Tests.Dump;

/// <summary><c>dump --dot</c> over every reference definition of both corpora: one node per op, one edge per input.</summary>
public sealed partial class DotGraphCorpusTests
{
    public static TheoryData<string, string> Cases() => CorpusTheories.CasesWith("def.pb");

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryOpIsANodeAndEveryInputAnEdge(string corpus, string caseName)
    {
        var ops = DefinitionReader.Read(File.ReadAllBytes(ReferenceCorpus.Named(corpus).Expected(caseName, "def.pb")));
        var dot = DotGraph.Render(ops);
        Assert.StartsWith("digraph llb {\n", dot);
        Assert.EndsWith("}\n", dot);
        var unique = ops.DistinctBy(op => op.Digest).ToList();
        Assert.Equal(unique.Count, NodeLine().Matches(dot).Count);
        Assert.Equal(unique.Sum(op => op.Op.Inputs.Count), EdgeLine().Matches(dot).Count);
    }

    [Theory]
    [InlineData("v0.24")]
    [InlineData("v0.11")]
    public void CompatDoesNotChangeTheGraph(string compat)
    {
        var bytes = File.ReadAllBytes(ReferenceCorpus.Named(compat).Expected("hand-copy-flags", "def.pb"));
        var graph = DumpInvocation.Run(bytes, "--dot", "--compat", compat);
        Assert.Equal(0, graph.ExitCode);
        Assert.Equal(DotGraph.Render(DefinitionReader.Read(bytes)), graph.StdoutText);
    }

    [GeneratedRegex("^    \"[0-9a-f]+\" \\[label=", RegexOptions.Multiline)]
    private static partial Regex NodeLine();

    [GeneratedRegex("^  \"[0-9a-f]+\" -> \"[0-9a-f]+\"", RegexOptions.Multiline)]
    private static partial Regex EdgeLine();
}
