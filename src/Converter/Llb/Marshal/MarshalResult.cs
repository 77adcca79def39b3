using System.Collections.Immutable;
using Pb;

namespace CSharpFrontend.Converter.Llb.Marshal;

/// <summary>A marshalled op: its bytes, their digest and its metadata.</summary>
public sealed record MarshalledOp(Digest Digest, byte[] Bytes, Op Op, OpMetadata Metadata);

/// <summary>
/// A marshalled graph: ops in post-order with the terminal op last, and the <c>pb.Definition</c> built from them.
/// An empty graph (scratch) has no ops at all.
/// </summary>
public sealed record MarshalResult(ImmutableArray<MarshalledOp> Ops, Definition Definition)
{
    /// <summary>The digest of the result op (the terminal op's only input), when the graph is not empty.</summary>
    public Digest? Head => Ops.IsEmpty ? null : new Digest(Ops[^1].Op.Inputs[0].Digest);

    /// <summary>The definition's bytes, exactly as BuildKit's marshaller writes them.</summary>
    public byte[] ToBytes() => Wire.GoWireWriter.Write(Definition);
}
