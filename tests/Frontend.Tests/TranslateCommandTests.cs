using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Tests.Shared;
using Pb;

namespace CSharpFrontend.Frontend.Tests;

/// <summary><c>csharp-frontend translate</c> end to end, as a process.</summary>
public sealed class TranslateCommandTests
{
    /// <summary>The default equals v0.24.0's graph, <c>--compat v0.11</c> v0.11.6's (every digest differs between them).</summary>
    [Theory]
    [InlineData("v0.24")]
    [InlineData("v0.11")]
    public void WritesTheReferenceGraphForACorpusCase(string corpusName)
    {
        var corpus = ReferenceCorpus.Named(corpusName);
        var dockerfile = Path.Combine(corpus.CaseDir("hand-copy-flags"), "Dockerfile");
        var result = corpusName == "v0.24"
            ? CliProcess.Run("", "translate", dockerfile, "--local-unique-id", "conformance")
            : CliProcess.Run("", "translate", dockerfile, "--local-unique-id", "conformance", "--compat", corpusName);
        Assert.Equal(0, result.ExitCode);
        var ours = Digests(Definition.Parser.ParseFrom(result.Stdout));
        var reference = Digests(Definition.Parser.ParseFrom(File.ReadAllBytes(corpus.Expected("hand-copy-flags", "def.pb"))));
        Assert.Equal(reference, ours);
    }

    [Fact]
    public void WritesTheImageConfigAndTheDefinitionToFiles()
    {
        var work = Directory.CreateTempSubdirectory("translate-");
        try
        {
            var dockerfile = Path.Combine(work.FullName, "Dockerfile");
            File.WriteAllText(dockerfile, "FROM alpine\nENV A=1\nCMD [\"sh\"]\n");
            var result = CliProcess.Run("", "translate", dockerfile, "-o", Path.Combine(work.FullName, "def.pb"),
                "--image-config", Path.Combine(work.FullName, "image.json"), "--platform", "linux/arm64");
            Assert.Equal(0, result.ExitCode);
            Assert.Empty(result.Stdout);
            var image = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(work.FullName, "image.json")))!;
            Assert.Equal("arm64", image["architecture"]!.GetValue<string>());
            Assert.Equal("sh", image["config"]!["Cmd"]![0]!.GetValue<string>());
            Assert.NotEmpty(Definition.Parser.ParseFrom(File.ReadAllBytes(Path.Combine(work.FullName, "def.pb"))).Def);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("FROM alpine\nRUNN echo\n", 2, "unknown instruction: RUNN (did you mean RUN?)")]
    [InlineData("FROM alpine\nCOPY --from=nope:: /a /b\n", 2, "failed to parse stage name \"nope::\": invalid reference format")]
    public void RejectedInputWritesNothingAndPointsAtTheLine(string dockerfile, int line, string message)
    {
        var result = CliProcess.Run(dockerfile, "translate", "-");
        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains($"<stdin>:{line}:", result.Stderr);
        Assert.Contains(message, result.Stderr);
    }

    [Fact]
    public void LabelsGoIntoTheImageConfigAndBadOnesAreUsageErrors()
    {
        var work = Directory.CreateTempSubdirectory("translate-");
        try
        {
            var config = Path.Combine(work.FullName, "image.json");
            var result = CliProcess.Run("FROM scratch\nLABEL a=0\n", "translate", "-", "--label", "a=1", "--label", "b=x=y", "--image-config", config);
            Assert.Equal(0, result.ExitCode);
            var labels = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(config))!["config"]!["Labels"]!;
            Assert.Equal("1", labels["a"]!.GetValue<string>());
            Assert.Equal("x=y", labels["b"]!.GetValue<string>());
            var bad = CliProcess.Run("FROM scratch\n", "translate", "-", "--label", "a");
            Assert.Equal(2, bad.ExitCode);
            Assert.Empty(bad.Stdout);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public void JsonFormatIsTheReferenceDumpAndDotIsAGraph()
    {
        var dir = Path.Combine(TestPaths.CasesDir, "bk-convert-L29");
        var json = CliProcess.Run("", "translate", Path.Combine(dir, "Dockerfile"), "--local-unique-id", "conformance", "--format", "json");
        Assert.Equal(0, json.ExitCode);
        var ours = System.Text.Encoding.UTF8.GetString(json.Stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => System.Text.Json.Nodes.JsonNode.Parse(l)!["Digest"]!.GetValue<string>()).Order(StringComparer.Ordinal);
        var reference = File.ReadAllLines(Path.Combine(dir, "expected", "dump.jsonl"))
            .Select(l => System.Text.Json.Nodes.JsonNode.Parse(l)!["Digest"]!.GetValue<string>()).Order(StringComparer.Ordinal);
        Assert.Equal(reference, ours);
        var dot = CliProcess.Run("FROM alpine\nRUN true\n", "translate", "-", "--format", "dot");
        Assert.Equal(0, dot.ExitCode);
        Assert.StartsWith("digraph", System.Text.Encoding.UTF8.GetString(dot.Stdout));
        Assert.Contains("RUN true", System.Text.Encoding.UTF8.GetString(dot.Stdout));
    }

    [Fact]
    public void UsageErrorsExitTwo()
    {
        var result = CliProcess.Run("", "translate", "--no-such-option", "-");
        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void CircularStagesAreAnError()
    {
        var result = CliProcess.Run("FROM alpine AS a\nCOPY --from=b / /\nFROM alpine AS b\nCOPY --from=a / /\n", "translate", "-");
        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Equal(
            "<stdin>:2:1: error: circular dependency detected on stage: a\n    2 | COPY --from=b / /\n      | ^\n"
            + "<stdin>:4:1: note: and here\n    4 | COPY --from=a / /\n      | ^\n",
            result.Stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void UnknownTargetIsAnError()
    {
        var result = CliProcess.Run("FROM alpine AS a\n", "translate", "-", "--target", "b");
        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains("target stage \"b\" could not be found", result.Stderr);
        var compat = CliProcess.Run("FROM alpine AS a\n", "translate", "--compat", "v0.11", "-", "--target", "b");
        Assert.Equal(1, compat.ExitCode);
        Assert.Contains("target stage b could not be found", compat.Stderr);
    }

    [Fact]
    public void SourceDateEpochBuildArgDatesTheHistory()
    {
        var work = Directory.CreateTempSubdirectory("translate-");
        try
        {
            var config = Path.Combine(work.FullName, "image.json");
            var result = CliProcess.Run("FROM scratch\nENV A=1\nCOPY x /x\n", "translate", "-", "-o", Path.Combine(work.FullName, "def.pb"),
                "--image-config", config, "--build-arg", "SOURCE_DATE_EPOCH=1700000000");
            Assert.True(result.ExitCode == 0, result.Stderr);
            var history = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(config))!["history"]!.AsArray();
            Assert.Equal(2, history.Count);
            Assert.All(history, h => Assert.Equal("2023-11-14T22:13:20Z", h!["created"]!.GetValue<string>()));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public void BadSourceDateEpochIsAnErrorAndWritesNothing()
    {
        var result = CliProcess.Run("FROM scratch\n", "translate", "-", "--build-arg", "SOURCE_DATE_EPOCH=yesterday");
        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains("error: invalid SOURCE_DATE_EPOCH: yesterday: strconv.ParseInt: parsing \"yesterday\": invalid syntax", result.Stderr);
    }

    [Fact]
    public void AnEpochPastYear9999IsAnErrorNotACrash()
    {
        var work = Directory.CreateTempSubdirectory("translate-");
        try
        {
            var result = CliProcess.Run("FROM scratch\nENV A=1\n", "translate", "-", "--image-config", Path.Combine(work.FullName, "image.json"),
                "--build-arg", "SOURCE_DATE_EPOCH=999999999999");
            Assert.Equal(1, result.ExitCode);
            Assert.Empty(result.Stdout);
            Assert.StartsWith("error: failed to marshal image config: ", result.Stderr, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(work.FullName, "image.json")));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string[] Digests(Definition definition) =>
        [.. definition.Def.Select(d => Digest.Of(d.Span).Value).Order(StringComparer.Ordinal)];
}
