using System.Text.Json.Nodes;
using CSharpFrontend.Converter.Lint;

namespace CSharpFrontend.Converter.Tests.Lint;

/// <summary>Each case's lint result equals upstream's <c>expected/lint.json</c> (warnings as a sorted list, the build error, the source).</summary>
public sealed class LintConformanceTests
{
    public static TheoryData<string> Cases() => [.. LintCorpus.CaseNames()];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task LintJsonMatchesUpstream(string name)
    {
        var result = await LintCorpus.LintAsync(name);
        var actual = LintCorpus.Comparable(LintResultJson.Write(result, sorted: true));
        var expected = LintCorpus.Comparable(await File.ReadAllTextAsync(Path.Combine(LintCorpus.Dir, "cases", name, "expected", "lint.json")));
        Assert.True(JsonNode.DeepEquals(expected, actual), Difference(expected, actual));
    }

    /// <summary>The warnings only one side has, and both build errors when they differ.</summary>
    private static string Difference(JsonNode expected, JsonNode actual)
    {
        static List<string> Warnings(JsonNode node) => node["warnings"] is JsonArray a ? [.. a.Select(w => w!.ToJsonString())] : [];
        var (e, a) = (Warnings(expected), Warnings(actual));
        var lines = e.Except(a).Select(w => "- " + w).Concat(a.Except(e).Select(w => "+ " + w)).ToList();
        if (!JsonNode.DeepEquals(expected["buildError"], actual["buildError"]))
        {
            lines.Add("- error " + expected["buildError"]?.ToJsonString());
            lines.Add("+ error " + actual["buildError"]?.ToJsonString());
        }

        return lines.Count > 0 ? string.Join('\n', lines) : "order or sources differ";
    }
}
