using System.Collections.Immutable;

namespace CSharpFrontend.Converter.Llb;

/// <summary>
/// One op of a definition that was already marshalled (BuildKit's <c>DefinitionOp</c>): a frontend input or a
/// solved result used again as a state. It is written back verbatim, its bytes, digest and metadata as received,
/// and its inputs are the ops of the same definition it names. Build one with <see cref="DefinitionStates"/>.
/// </summary>
public sealed class DefinitionVertex : Vertex
{
    private readonly DefinitionGraph _graph;
    private ImmutableArray<LlbOutput>? _inputs;

    internal DefinitionVertex(DefinitionGraph graph, string digest, long index)
        : base(OpConstraints.None with { SourceLocations = graph.LocationsOf(digest) })
    {
        _graph = graph;
        Digest = digest;
        Index = index;
    }

    /// <summary>The op's digest; empty for a definition without ops.</summary>
    public string Digest { get; }

    /// <summary>Which output of the op this vertex stands for.</summary>
    public long Index { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<LlbOutput> Inputs => _inputs ??= Digest.Length == 0 || !_graph.Ops.TryGetValue(Digest, out var op)
        ? []
        : [.. op.Op.Inputs.Select(input => new LlbOutput(_graph.VertexOf(input.Digest, input.Index)))];

    /// <summary>
    /// The op's bytes and metadata as received, checked as upstream's <c>Validate</c> does.
    /// </summary>
    /// <exception cref="InvalidOperationException">The definition is empty or lacks this op or its metadata.</exception>
    internal (byte[] Bytes, Pb.Op Op, Pb.OpMetadata Metadata) Received()
    {
        if (Digest.Length == 0)
        {
            throw new InvalidOperationException("cannot marshal empty definition op");
        }

        if (_graph.Ops.Count == 0 || _graph.Metadata.Count == 0)
        {
            throw new InvalidOperationException($"invalid definition op with no ops {_graph.Ops.Count} {_graph.Metadata.Count}");
        }

        if (!_graph.Ops.TryGetValue(Digest, out var op))
        {
            throw new InvalidOperationException($"invalid definition op with unknown op \"{Digest}\"");
        }

        if (!_graph.Metadata.TryGetValue(Digest, out var metadata))
        {
            throw new InvalidOperationException($"invalid definition op with unknown metas \"{Digest}\"");
        }

        if (Index < 0)
        {
            throw new InvalidOperationException("invalid definition op with invalid index");
        }

        return (op.Bytes, op.Op, metadata.Clone());
    }
}
