using CSharpFrontend.Converter.Llb.Marshal;
using CSharpFrontend.Converter.Llb.Wire;
using CSharpFrontend.Tests.Shared;
using Pb;

namespace CSharpFrontend.Converter.Tests;

/// <summary>Compares a graph we marshalled with a reference definition: op digests, head, and metadata per digest.</summary>
internal static class GraphAssert
{
    /// <summary>The whole graph equals the reference: same op set, same head, same metadata (progress group ids aside).</summary>
    public static void SameGraph(ReferenceCorpus corpus, string caseName, MarshalResult result)
    {
        var reference = ReferenceDefinition.Load(corpus, caseName);
        var expected = reference.OpsByDigest.Keys.Order(StringComparer.Ordinal).ToArray();
        var actual = result.Ops.Select(o => o.Digest.Value).Order(StringComparer.Ordinal).ToArray();
        Assert.True(expected.SequenceEqual(actual), Describe("op digests differ", reference, result));
        Assert.Equal(reference.Head, result.Head?.Value);
        foreach (var op in result.Ops)
        {
            Assert.Equal(Hex(WithoutGroupId(reference.Definition.Metadata[op.Digest.Value])), Hex(WithoutGroupId(result.Definition.Metadata[op.Digest.Value])));
        }
    }

    /// <summary>Every op of ours (terminal aside) is an op of the reference, byte for byte.</summary>
    public static void OpsFoundIn(ReferenceCorpus corpus, string caseName, MarshalResult result)
    {
        var reference = ReferenceDefinition.Load(corpus, caseName);
        var ops = reference.OpsByDigest;
        foreach (var op in result.Ops.Take(result.Ops.Length - 1))
        {
            Assert.True(ops.ContainsKey(op.Digest.Value), Describe($"op {op.Digest} not in the reference", reference, result));
        }
    }

    /// <summary>Metadata with the progress group id blanked: upstream draws that id at random.</summary>
    internal static OpMetadata WithoutGroupId(OpMetadata metadata)
    {
        var copy = metadata.Clone();
        if (copy.ProgressGroup is not null)
        {
            copy.ProgressGroup.Id = "";
        }

        return copy;
    }

    internal static string Hex(OpMetadata metadata) => Convert.ToHexString(GoWireWriter.Write(metadata));

    private static string Describe(string what, ReferenceDefinition reference, MarshalResult result) =>
        what + "\nreference:\n" + string.Join("\n", reference.OpsByDigest.Select(o => $"{o.Key} {o.Value}")) +
        "\nours:\n" + string.Join("\n", result.Ops.Select(o => $"{o.Digest} {o.Op}"));
}
