using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Tests.Shared;
using Pb;

namespace CSharpFrontend.Converter.Tests;

/// <summary>A conformance case's reference <c>def.pb</c>: its raw bytes, ops by digest, and head.</summary>
internal sealed record ReferenceDefinition(string CaseName, byte[] Bytes, Definition Definition)
{
    public static ReferenceDefinition Load(ReferenceCorpus corpus, string caseName)
    {
        var bytes = File.ReadAllBytes(corpus.Expected(caseName, "def.pb"));
        return new ReferenceDefinition(caseName, bytes, Definition.Parser.ParseFrom(bytes));
    }

    /// <summary>(corpus, case) of the cases either reference accepted (those with a def.pb).</summary>
    public static TheoryData<string, string> AcceptedCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (corpus, name) in ReferenceCorpus.Cases("def.pb"))
        {
            data.Add(corpus, name);
        }

        return data;
    }

    /// <summary>Op digests as the reference wrote them, computed from the op bytes.</summary>
    public IReadOnlyDictionary<string, Op> OpsByDigest =>
        Definition.Def.ToDictionary(d => Digest.Of(d.Span).Value, d => Op.Parser.ParseFrom(d));

    /// <summary>The result the terminal op points at.</summary>
    public string Head => Op.Parser.ParseFrom(Definition.Def[^1]).Inputs[0].Digest;
}
