using System.Text;
using System.Text.Json.Nodes;
using CSharpFrontend.Frontend.Dump;
using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Frontend.Tests.Dump;

/// <summary>Our dump of every reference definition against the reference's own <c>dump.jsonl</c>.</summary>
public sealed class DumpConformanceTests
{
    public static TheoryData<string> CasesWithDefinition()
    {
        var cases = new TheoryData<string>();
        foreach (var name in TestPaths.CaseNames())
        {
            if (File.Exists(Path.Combine(TestPaths.CasesDir, name, "expected", "def.pb")))
            {
                cases.Add(name);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(CasesWithDefinition))]
    public void EachLineIsTheReferenceLineAsJson(string caseName)
    {
        var (ours, reference) = Dump(caseName);
        Assert.Equal(reference.Length, ours.Length);
        for (var i = 0; i < reference.Length; i++)
        {
            var expected = JsonNode.Parse(reference[i]);
            var actual = JsonNode.Parse(ours[i]);
            Assert.True(JsonNode.DeepEquals(expected, actual), $"line {i + 1} differs\nexpected: {reference[i]}\nactual:   {ours[i]}");
        }
    }

    [Theory]
    [MemberData(nameof(CasesWithDefinition))]
    public void TheWholeOutputIsTheReferenceByteForByte(string caseName)
    {
        var expected = File.ReadAllBytes(Path.Combine(TestPaths.CasesDir, caseName, "expected", "dump.jsonl"));
        var actual = JsonLinesDump.Render(DefinitionReader.Read(File.ReadAllBytes(Path.Combine(TestPaths.CasesDir, caseName, "expected", "def.pb"))));
        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(actual));
        Assert.Equal(expected, actual);
    }

    private static (string[] Ours, string[] Reference) Dump(string caseName)
    {
        var dir = Path.Combine(TestPaths.CasesDir, caseName, "expected");
        var ours = JsonLinesDump.Render(DefinitionReader.Read(File.ReadAllBytes(Path.Combine(dir, "def.pb"))));
        return (Lines(Encoding.UTF8.GetString(ours)), Lines(File.ReadAllText(Path.Combine(dir, "dump.jsonl"))));
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
