using CSharpFrontend.Converter.Llb;
using Google.Protobuf;
using Pb;

namespace CSharpFrontend.Frontend.Tests.Dump;

/// <summary>Hand-built definitions for the tests.</summary>
internal static class Definitions
{
    /// <summary>A definition of <paramref name="ops"/>, in order; metadata for op i when <paramref name="metadata"/> has an entry i.</summary>
    public static byte[] Of(IReadOnlyList<Op> ops, IReadOnlyDictionary<int, OpMetadata>? metadata = null)
    {
        var definition = new Definition();
        for (var i = 0; i < ops.Count; i++)
        {
            var bytes = ops[i].ToByteArray();
            definition.Def.Add(ByteString.CopyFrom(bytes));
            if (metadata is not null && metadata.TryGetValue(i, out var md))
            {
                definition.Metadata[DigestOf(ops[i])] = md;
            }
        }

        return definition.ToByteArray();
    }

    public static string DigestOf(Op op) => Digest.Of(op.ToByteArray()).Value;

    public static OpMetadata Named(string customName) => new() { Description = { ["llb.customname"] = customName } };
}
