using System.Collections.Immutable;

namespace CSharpFrontend.Converter.Llb;

/// <summary>
/// The ops of one received definition by digest, shared by the <see cref="DefinitionVertex"/>es standing for them
/// (one per digest and output index, as upstream's <c>inputCache</c>), with their metadata and source locations.
/// </summary>
internal sealed class DefinitionGraph
{
    private readonly Dictionary<(string Digest, long Index), DefinitionVertex> _vertices = [];
    private readonly Lock _lock = new();
    private readonly ImmutableDictionary<string, ImmutableArray<SourceLocation>> _locations;

    public DefinitionGraph(
        ImmutableDictionary<string, (byte[] Bytes, Pb.Op Op)> ops,
        ImmutableDictionary<string, Pb.OpMetadata> metadata,
        ImmutableDictionary<string, ImmutableArray<SourceLocation>> locations)
    {
        Ops = ops;
        Metadata = metadata;
        _locations = locations;
    }

    public ImmutableDictionary<string, (byte[] Bytes, Pb.Op Op)> Ops { get; }

    public ImmutableDictionary<string, Pb.OpMetadata> Metadata { get; }

    public ImmutableArray<SourceLocation> LocationsOf(string digest) => _locations.GetValueOrDefault(digest, []);

    public DefinitionVertex VertexOf(string digest, long index)
    {
        lock (_lock)
        {
            if (!_vertices.TryGetValue((digest, index), out var vertex))
            {
                _vertices[(digest, index)] = vertex = new DefinitionVertex(this, digest, index);
            }

            return vertex;
        }
    }
}
