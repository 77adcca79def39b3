using System.Collections.Immutable;
using Pb;

namespace CSharpFrontend.Converter.Llb.Marshal;

/// <summary>A marshalled op: its bytes, their digest and its metadata.</summary>
public sealed record MarshalledOp(Digest Digest, byte[] Bytes, Op Op, OpMetadata Metadata);

/// <summary>
/// A marshalled graph: ops in post-order with the terminal op last, and the <c>pb.Definition</c> built from them.
/// An empty graph (scratch) has no ops at all. The definition is the marshaller's output and is not changed
/// afterwards, so its bytes are written once and kept.
/// </summary>
public sealed record MarshalResult(ImmutableArray<MarshalledOp> Ops, Definition Definition)
{
    private byte[]? _bytes;

    /// <summary>Nothing marshalled: no ops and an empty definition (a conversion asked to stop after dispatch).</summary>
    public static MarshalResult Empty { get; } = new([], new Definition());

    /// <summary>A copy (<c>with</c>) may hold another definition: it starts without the kept bytes.</summary>
    private MarshalResult(MarshalResult original) => (Ops, Definition) = (original.Ops, original.Definition);

    /// <summary>The digest of the result op (the terminal op's only input), when the graph is not empty.</summary>
    public Digest? Head => Ops.IsEmpty ? null : new Digest(Ops[^1].Op.Inputs[0].Digest);

    /// <summary>The length of <see cref="ToBytes"/>.</summary>
    public int Size => Bytes.Length;

    private byte[] Bytes => _bytes ??= Wire.GoWireWriter.Write(Definition);

    /// <summary>The definition's bytes, exactly as BuildKit's marshaller writes them (a copy the caller owns).</summary>
    public byte[] ToBytes() => (byte[])Bytes.Clone();

    public bool Equals(MarshalResult? other) =>
        other is not null && Ops.Equals(other.Ops) && Definition.Equals(other.Definition);

    public override int GetHashCode() => HashCode.Combine(Ops, Definition);
}
