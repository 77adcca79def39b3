using System.Text.Json.Nodes;
using CSharpFrontend.Frontend.Tests.Dump;
using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Frontend.Tests;

/// <summary>
/// <c>csharp-frontend dump --compat &lt;release&gt;</c> as a process over every reference definition of both corpora:
/// a drop-in for that release's <c>buildctl debug dump-llb</c>, byte for byte (line by line as JSON in the message).
/// </summary>
public sealed class DumpEveryCaseProcessTests
{
    public static TheoryData<string, string> Cases() => CorpusTheories.CasesWith("dump.jsonl");

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesTheReferenceDump(string corpus, string caseName)
    {
        var reference = ReferenceCorpus.Named(corpus);
        var result = CliProcess.Run("", "dump", "--compat", corpus, reference.Expected(caseName, "def.pb"));
        Assert.Equal("", result.Stderr);
        Assert.Equal(0, result.ExitCode);
        var expected = File.ReadAllBytes(reference.Expected(caseName, "dump.jsonl"));
        if (expected.AsSpan().SequenceEqual(result.Stdout))
        {
            return;
        }

        var ours = System.Text.Encoding.UTF8.GetString(result.Stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var lines = File.ReadAllLines(reference.Expected(caseName, "dump.jsonl")).Where(l => l.Length > 0).ToArray();
        Assert.Equal(lines.Length, ours.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(lines[i]), JsonNode.Parse(ours[i])), $"line {i + 1}:\nreference {lines[i]}\nours      {ours[i]}");
        }

        Assert.Fail("equal as JSON but not byte for byte");
    }
}
