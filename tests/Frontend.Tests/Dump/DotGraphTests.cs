using System.Text.RegularExpressions;
using CSharpFrontend.Frontend.Dump;
using CSharpFrontend.Tests.Shared;
using Pb;

namespace CSharpFrontend.Frontend.Tests.Dump;

/// <summary><c>dump --dot</c>: nodes, clusters by stage, edge roles, escaping, and rendering by Graphviz.</summary>
public sealed partial class DotGraphTests
{
    private static IReadOnlyList<DumpedOp> Corpus(string caseName) =>
        DefinitionReader.Read(File.ReadAllBytes(ReferenceCorpus.V011.Expected(caseName, "def.pb")));

    private static IReadOnlyList<DumpedOp> Ops(IReadOnlyList<Op> ops, IReadOnlyDictionary<int, OpMetadata>? metadata = null) =>
        DefinitionReader.Read(Definitions.Of(ops, metadata));

    private static string Id(Op op) => "\"" + Definitions.DigestOf(op)["sha256:".Length..][..12] + "\"";

    [Fact]
    public void EachOpIsOneNodeNamedByItsShortDigestInTheClusterOfItsStage()
    {
        var ops = Corpus("hand-copy-flags");
        var dot = DotGraph.Render(ops);
        foreach (var op in ops)
        {
            var id = op.Digest["sha256:".Length..][..12];
            Assert.Single(Regex.Matches(dot, $"^    \"{id}\" \\[label=", RegexOptions.Multiline));
        }

        Assert.Equal(["internal", "stage-1", "a"], ClusterLabels().Matches(dot).Select(match => match.Groups[1].Value));
        Assert.Equal(ops.Sum(op => op.Op.Inputs.Count), EdgeLine().Matches(dot).Count);
        Assert.Contains("label=\"[a 2/2] RUN mkdir -p /out &amp;&amp; echo x > /out/x\" shape=box", dot);
    }

    [Fact]
    public void ExecEdgesNameTheMountDestinationButNotSecretOrSshMounts()
    {
        var dot = DotGraph.Render(Corpus("hand-mounts-all"));
        Assert.Contains("[label=\"/mnt/bb\"]", dot);
        Assert.Contains("[label=\"/var/cache/apk\"]", dot);
        Assert.Contains("[label=\"/\"]", dot);
        Assert.DoesNotContain("/root/.npmrc\"]", dot);
        Assert.DoesNotContain("ssh_agent", dot);
    }

    [Fact]
    public void EdgesOfFileMergeAndDiffOpsNameTheirRoles()
    {
        var lower = new Op { Source = new SourceOp { Identifier = "docker-image://docker.io/library/alpine:latest" } };
        var upper = new Op { Source = new SourceOp { Identifier = "local://context" } };
        Input From(Op op) => new() { Digest = Definitions.DigestOf(op) };
        var file = new Op
        {
            Inputs = { From(lower), From(upper) },
            File = new FileOp
            {
                Actions =
                {
                    new FileAction
                    {
                        Input = 0, SecondaryInput = 1, Output = 0,
                        Copy = new FileActionCopy { Src = "/a", Dest = "/b", Owner = new ChownOpt { User = new UserOpt { ByName = new NamedUserOpt { Name = "app", Input = 0 } } } },
                    },
                },
            },
        };
        var merge = new Op { Inputs = { From(lower), From(file) }, Merge = new MergeOp { Inputs = { new MergeInput { Input = 0 }, new MergeInput { Input = 1 } } } };
        var diff = new Op { Inputs = { From(lower), From(merge) }, Diff = new DiffOp { Lower = new LowerDiffInput { Input = 0 }, Upper = new UpperDiffInput { Input = 1 } } };
        var dot = DotGraph.Render(Ops([lower, upper, file, merge, diff]));

        Assert.Contains($"{Id(lower)} -> {Id(file)} [label=\"base, owner lookup\"];", dot);
        Assert.Contains($"{Id(upper)} -> {Id(file)} [label=\"copy source\"];", dot);
        Assert.Contains($"{Id(lower)} -> {Id(merge)} [label=\"layer 1\"];", dot);
        Assert.Contains($"{Id(file)} -> {Id(merge)} [label=\"layer 2\"];", dot);
        Assert.Contains($"{Id(lower)} -> {Id(diff)} [label=\"lower\"];", dot);
        Assert.Contains($"{Id(merge)} -> {Id(diff)} [label=\"upper\"];", dot);
        Assert.Contains($"{Id(file)} [label=\"copy /a → /b\" shape=note", dot);
        Assert.Contains($"{Id(lower)} [label=\"docker-image://docker.io/library/alpine:latest\" shape=ellipse", dot);
    }

    [Theory]
    [InlineData("[ 1/21] FROM docker.io/library/busybox", "stage")]
    [InlineData("[10/21] RUN true", "stage")]
    [InlineData("[stage-2  1/21] FROM docker.io/discourse/base", "stage-2")]
    [InlineData("[build 2/5] RUN make", "build")]
    [InlineData("[linux/arm64 build 2/5] RUN make", "linux/arm64 build")]
    [InlineData("[internal] load build context", "internal")]
    [InlineData("FROM docker.io/library/busybox", "internal")]
    [InlineData(null, "internal")]
    public void TheStageIsTheCustomNamePrefix(string? customName, string cluster)
    {
        var op = new Op { Source = new SourceOp { Identifier = "local://context" } };
        var metadata = customName is null ? null : new Dictionary<int, OpMetadata> { [0] = Definitions.Named(customName) };
        var dot = DotGraph.Render(Ops([op], metadata));
        Assert.Equal([cluster], ClusterLabels().Matches(dot).Select(match => match.Groups[1].Value));
    }

    [Fact]
    public void LabelsAreEscapedForDot()
    {
        var op = new Op { Exec = new ExecOp { Meta = new Meta { Args = { "/bin/sh", "-c", "echo \"hi\" \\ a&lt;b\nsecond\tline\u0001" } } } };
        var dot = DotGraph.Render(Ops([op]));
        Assert.Contains("[label=\"/bin/sh -c echo \\\"hi\\\" \\\\ a&amp;lt;b\\nsecond line \" shape=box", dot);
    }

    [Fact]
    public void LongLabelsAreShortened()
    {
        var script = string.Join('\n', Enumerable.Range(1, 20).Select(i => $"line {i} " + new string('x', 200)));
        var op = new Op { Exec = new ExecOp { Meta = new Meta { Args = { script } } } };
        var label = NodeLabel().Match(DotGraph.Render(Ops([op]))).Groups[1].Value;
        var lines = label.Split("\\n");
        Assert.Equal(DotGraph.MaxLabelLines, lines.Length);
        Assert.All(lines, line => Assert.True(line.Length <= DotGraph.MaxLabelLineLength, line));
        Assert.Equal("… (13 more lines)", lines[^1]);
    }

    [Fact]
    public void InputsMissingFromTheDefinitionAreShownAsSuch()
    {
        var missing = "sha256:" + new string('a', 64);
        var op = new Op { Inputs = { new Input { Digest = missing } } };
        var dot = DotGraph.Render(Ops([op]));
        Assert.Contains("  \"aaaaaaaaaaaa\" [label=\"not in definition\\n" + missing + "\" shape=plaintext style=dashed];", dot);
        Assert.Contains($"  \"aaaaaaaaaaaa\" -> {Id(op)};", dot);
    }

    [Fact]
    public void AnEmptyDefinitionIsAnEmptyGraph()
    {
        Assert.Equal("digraph llb {\n  node [fontsize=10];\n  edge [fontsize=9];\n}\n", DotGraph.Render([]));
    }

    [DotInstalledFact]
    public void GraphvizRendersCorpusGraphs()
    {
        string[] cases =
        [
            "hand-copy-flags", "hand-mounts-all", "hand-platform-arm64", "bk-dockerfile-L1000",
            "real-docker-library__golang__1.26__alpine3.23__Dockerfile",
            "real-PowerShell__PowerShell-Docker__release__7-3__debian12__docker__Dockerfile",
        ];
        foreach (var caseName in cases)
        {
            var ops = Corpus(caseName);
            var result = GraphvizDot.ToSvg(DotGraph.Render(ops));
            Assert.True(result.ExitCode == 0, $"{caseName}: dot failed: {result.Stderr}");
            Assert.Equal("", result.Stderr);
            Assert.Contains("<svg", result.Svg);
            Assert.Equal(ops.Select(op => op.Digest).Distinct().Count(), SvgNode().Matches(result.Svg).Count);
        }
    }

    [DotInstalledFact]
    public void GraphvizShowsEscapedLabelsLiterally()
    {
        var op = new Op { Source = new SourceOp { Identifier = "x" } };
        var metadata = new Dictionary<int, OpMetadata> { [0] = Definitions.Named("[a 1/1] RUN echo \"q\" \\ a&lt;b && ok") };
        var result = GraphvizDot.ToSvg(DotGraph.Render(Ops([op], metadata)));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(">[a 1/1] RUN echo &quot;q&quot; \\ a&amp;lt;b &amp;&amp; ok</text>", result.Svg);
    }

    [GeneratedRegex("^  subgraph cluster_[0-9]+ \\{\\n    label=\"([^\"]*)\";", RegexOptions.Multiline)]
    private static partial Regex ClusterLabels();

    [GeneratedRegex("^  \"[0-9a-f]+\" -> \"[0-9a-f]+\"", RegexOptions.Multiline)]
    private static partial Regex EdgeLine();

    [GeneratedRegex("\\[label=\"((?:[^\"\\\\]|\\\\.)*)\" shape=box")]
    private static partial Regex NodeLabel();

    [GeneratedRegex("<g id=\"node[0-9]+\" class=\"node\">")]
    private static partial Regex SvgNode();
}
