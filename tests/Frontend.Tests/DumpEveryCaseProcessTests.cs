using System.Text.Json.Nodes;
using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Frontend.Tests;

/// <summary>
/// <c>csharp-frontend dump</c> as a process over every reference definition: a drop-in for
/// <c>buildctl debug dump-llb</c>, line for line equal to the reference dump when both are parsed as JSON.
/// </summary>
public sealed class DumpEveryCaseProcessTests
{
    public static TheoryData<string> Cases() =>
        [.. TestPaths.CaseNames().Where(c => File.Exists(Path.Combine(TestPaths.CasesDir, c, "expected", "def.pb")))];

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesTheReferenceDump(string caseName)
    {
        var expected = Path.Combine(TestPaths.CasesDir, caseName, "expected");
        var result = CliProcess.Run("", "dump", Path.Combine(expected, "def.pb"));
        Assert.Equal(0, result.ExitCode);
        var ours = System.Text.Encoding.UTF8.GetString(result.Stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var reference = File.ReadAllLines(Path.Combine(expected, "dump.jsonl")).Where(l => l.Length > 0).ToArray();
        Assert.Equal(reference.Length, ours.Length);
        for (var i = 0; i < reference.Length; i++)
        {
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(reference[i]), JsonNode.Parse(ours[i])), $"line {i + 1}:\nreference {reference[i]}\nours      {ours[i]}");
        }
    }
}
