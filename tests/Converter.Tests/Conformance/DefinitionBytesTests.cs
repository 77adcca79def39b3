using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Converter.Tests.Conformance;

/// <summary>
/// The whole <c>def.pb</c>, byte for byte, as BuildKit's converter marshalled it: ops, metadata and
/// <c>Definition.source</c> (one location entry per op, empty without a source map, as BuildKit's LLB client writes
/// it). Left out where upstream's own output varies (the corpus READMEs): cases with <c>--link</c> (random progress
/// group ids) and cases with <c>metadata-variants.json</c>. The op order is BuildKit's client's walk of the graph
/// (inputs first; a file op's copy sources from its last action to its first). v0.11.6's client took a file op's
/// inputs from a Go map, in an order that changes from run to run (its corpus README: "the reference itself orders
/// them differently"): for that corpus only, a definition may list the same ops in another order, everything else
/// byte-identical.
/// </summary>
public sealed class DefinitionBytesTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var corpus in new[] { ReferenceCorpus.V024, ReferenceCorpus.V011 })
        {
            foreach (var name in corpus.CaseNames())
            {
                var definition = corpus.Expected(name, "def.pb");
                if (File.Exists(definition) && new FileInfo(definition).Length > 0
                    && !File.Exists(corpus.Expected(name, "metadata-variants.json"))
                    && !File.ReadAllText(Path.Combine(corpus.CasesDir, name, "Dockerfile")).Contains("--link", StringComparison.Ordinal))
                {
                    data.Add(corpus.Name, name);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task DefinitionIsByteIdentical(string corpusName, string name)
    {
        var testCase = ConformanceCase.Load(ReferenceCorpus.Named(corpusName), name);
        var result = await DockerfileConverter.ConvertAsync(testCase.Dockerfile, testCase.Options);
        var expected = await File.ReadAllBytesAsync(ReferenceCorpus.Named(corpusName).Expected(name, "def.pb"));
        var actual = result.Definition.ToBytes();
        if (expected.AsSpan().SequenceEqual(actual))
        {
            return;
        }

        Assert.True(corpusName == ReferenceCorpus.V011.Name, "def.pb differs from BuildKit v0.24.0's (op order included)");
        var (theirs, ours) = (Pb.Definition.Parser.ParseFrom(expected), Pb.Definition.Parser.ParseFrom(actual));
        Assert.Equal(theirs.Def[^1], ours.Def[^1]);
        Assert.Equal(theirs.Def.Select(op => op.ToBase64()).Order(StringComparer.Ordinal), ours.Def.Select(op => op.ToBase64()).Order(StringComparer.Ordinal));
        Assert.Equal(theirs.Metadata, ours.Metadata);
        Assert.Equal(theirs.Source, ours.Source);
    }
}
