using System.Text;
using System.Text.Json.Nodes;
using CSharpFrontend.Converter.Profiles;
using CSharpFrontend.Frontend.Dump;
using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Frontend.Tests.Dump;

/// <summary>
/// Our dump of every reference definition, in the format of the corpus's BuildKit release, against that corpus's
/// own <c>dump.jsonl</c> (v0.24.0's and v0.11.6's <c>buildctl debug dump-llb</c>). The random progress group ids
/// need no special treatment: the dump and <c>def.pb</c> of a case come from the same run.
/// </summary>
public sealed class DumpConformanceTests
{
    public static TheoryData<string, string> CasesWithDefinition() => CorpusTheories.CasesWith("dump.jsonl");

    [Fact]
    public void BothCorporaHaveDumps()
    {
        Assert.Equal(366, ReferenceCorpus.V024.CaseNames().Count(name => File.Exists(ReferenceCorpus.V024.Expected(name, "dump.jsonl"))));
        Assert.Equal(258, ReferenceCorpus.V011.CaseNames().Count(name => File.Exists(ReferenceCorpus.V011.Expected(name, "dump.jsonl"))));
    }

    [Theory]
    [MemberData(nameof(CasesWithDefinition))]
    public void EachLineIsTheReferenceLineAsJson(string corpus, string caseName)
    {
        var (ours, reference) = Dump(ReferenceCorpus.Named(corpus), caseName);
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
    public void TheWholeOutputIsTheReferenceByteForByte(string corpus, string caseName)
    {
        var reference = ReferenceCorpus.Named(corpus);
        var expected = File.ReadAllBytes(reference.Expected(caseName, "dump.jsonl"));
        var actual = Render(reference, caseName);
        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(actual));
        Assert.Equal(expected, actual);
    }

    /// <summary>The v0.11.6 format is not the v0.24.0 one: a corpus's definitions dumped in the other format differ.</summary>
    [Theory]
    [InlineData("v0.24", "hand-copy-flags")]
    [InlineData("v0.11", "hand-copy-flags")]
    public void TheOtherReleasesFormatDiffers(string corpus, string caseName)
    {
        var reference = ReferenceCorpus.Named(corpus);
        var other = DumpFormat.All.Single(format => format.Name != corpus);
        var dump = JsonLinesDump.Render(File.ReadAllBytes(reference.Expected(caseName, "def.pb")), other);
        Assert.NotEqual(File.ReadAllBytes(reference.Expected(caseName, "dump.jsonl")), dump);
    }

    internal static DumpFormat FormatOf(ReferenceCorpus corpus) => DumpFormat.For(BuildKitProfile.Find(corpus.Name)!);

    private static byte[] Render(ReferenceCorpus corpus, string caseName) =>
        JsonLinesDump.Render(File.ReadAllBytes(corpus.Expected(caseName, "def.pb")), FormatOf(corpus));

    private static (string[] Ours, string[] Reference) Dump(ReferenceCorpus corpus, string caseName) =>
        (Lines(Encoding.UTF8.GetString(Render(corpus, caseName))), Lines(File.ReadAllText(corpus.Expected(caseName, "dump.jsonl"))));

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
