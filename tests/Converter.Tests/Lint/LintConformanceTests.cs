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
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected:\n{expected.ToJsonString()}\nactual:\n{actual.ToJsonString()}");
    }
}
