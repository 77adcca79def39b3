using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Tests.Shared;
using Pb;

namespace CSharpFrontend.Converter.Tests;

/// <summary>A conformance case's reference <c>def.pb</c>: its raw bytes, ops by digest, and head.</summary>
internal sealed record ReferenceDefinition(string CaseName, byte[] Bytes, Definition Definition)
{
    public static ReferenceDefinition Load(string caseName)
    {
        var bytes = File.ReadAllBytes(DefinitionPath(caseName));
        return new ReferenceDefinition(caseName, bytes, Definition.Parser.ParseFrom(bytes));
    }

    public static string DefinitionPath(string caseName) => Path.Combine(TestPaths.CasesDir, caseName, "expected", "def.pb");

    /// <summary>The names of cases the reference accepted (those with a def.pb).</summary>
    public static IEnumerable<string> AcceptedCases() => TestPaths.CaseNames().Where(c => File.Exists(DefinitionPath(c)));

    /// <summary>Op digests as the reference wrote them, computed from the op bytes.</summary>
    public IReadOnlyDictionary<string, Op> OpsByDigest =>
        Definition.Def.ToDictionary(d => Digest.Of(d.Span).Value, d => Op.Parser.ParseFrom(d));

    /// <summary>The result the terminal op points at.</summary>
    public string Head => Op.Parser.ParseFrom(Definition.Def[^1]).Inputs[0].Digest;
}
