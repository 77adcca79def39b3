using Pb;

namespace CSharpFrontend.Converter.Llb.Marshal;

/// <summary>
/// Turns a state into a <c>pb.Definition</c> the way BuildKit's client does: ops in post-order (inputs first),
/// each op once per digest, metadata merged per digest, a terminal op last whose only input is the result.
/// </summary>
public static class LlbMarshaller
{
    public static MarshalResult Marshal(LlbState state, MarshalOptions? options = null) =>
        new MarshalSession(options ?? new MarshalOptions()).Run(state);
}

/// <summary>One marshal: caches each vertex's op so shared vertices are written once.</summary>
internal sealed class MarshalSession(MarshalOptions options)
{
    private readonly Dictionary<Vertex, MarshalledOp> _byVertex = new(ReferenceEqualityComparer.Instance);
    private readonly List<MarshalledOp> _ops = [];
    private readonly Dictionary<string, OpMetadata> _metadata = new(StringComparer.Ordinal);
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);
    private readonly SourceMapCollector _sourceMaps = new();
    private readonly OpWriter _writer = new(options);

    public MarshalResult Run(LlbState state)
    {
        var definition = new Definition();
        if (state.Output is not { } result)
        {
            return new MarshalResult([], definition);
        }

        VisitPostOrder(result.Vertex);
        var terminal = new Op();
        terminal.Inputs.Add(_writer.ToInput(result, _byVertex));
        var bytes = Wire.GoWireWriter.Write(terminal);
        var digest = Digest.Of(bytes);
        var terminalMetadata = new OpMetadata();
        terminalMetadata.Caps[CapId.Constraints] = true;
        terminalMetadata.Caps[CapId.Platform] = true;
        foreach (var metadata in _metadata.Values)
        {
            if (metadata.IgnoreCache)
            {
                terminalMetadata.Caps[CapId.MetaIgnoreCache] = true;
            }

            if (metadata.Description.Count > 0)
            {
                terminalMetadata.Caps[CapId.MetaDescription] = true;
            }

            if (metadata.ExportCache is not null)
            {
                terminalMetadata.Caps[CapId.MetaExportCache] = true;
            }
        }

        _metadata[digest.Value] = terminalMetadata;
        _ops.Add(new MarshalledOp(digest, bytes, terminal, terminalMetadata));
        foreach (var op in _ops)
        {
            definition.Def.Add(Google.Protobuf.UnsafeByteOperations.UnsafeWrap(op.Bytes));
        }

        foreach (var (key, metadata) in _metadata)
        {
            definition.Metadata[key] = metadata;
        }

        definition.Source = _sourceMaps.ToProto(map => map.Definition is { } source ? LlbMarshaller.Marshal(source, options).Definition : null);
        return new MarshalResult([.. _ops], definition);
    }

    /// <summary>Marshals every vertex reachable from <paramref name="root"/>, inputs before their users, without recursion.</summary>
    private void VisitPostOrder(Vertex root)
    {
        var stack = new Stack<(Vertex Vertex, bool InputsDone)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (vertex, inputsDone) = stack.Pop();
            if (_byVertex.ContainsKey(vertex))
            {
                continue;
            }

            if (!inputsDone)
            {
                stack.Push((vertex, true));
                var inputs = vertex.WalkOrder;
                for (var i = inputs.Count - 1; i >= 0; i--)
                {
                    if (!_byVertex.ContainsKey(inputs[i].Vertex))
                    {
                        stack.Push((inputs[i].Vertex, false));
                    }
                }

                continue;
            }

            if (vertex is DeferredVertex deferred)
            {
                _byVertex[vertex] = _byVertex[deferred.Target.Vertex];
                continue;
            }

            var op = _writer.Write(vertex, _byVertex);
            _byVertex[vertex] = op;
            var key = op.Digest.Value;
            _metadata[key] = _metadata.TryGetValue(key, out var existing) ? MetadataMerge.Merge(existing, op.Metadata) : op.Metadata;
            _sourceMaps.Add(key, vertex.Constraints.SourceLocations);
            if (_written.Add(key))
            {
                _ops.Add(op);
            }
        }
    }
}
