using System.Collections.Immutable;
using Google.Protobuf;

namespace CSharpFrontend.Converter.Llb;

/// <summary>
/// A received <c>pb.Definition</c> as a state (upstream's <c>llb.NewState(llb.NewDefinitionOp(def))</c>): the
/// state's output is the terminal op's input, and marshalling it writes the definition's ops back verbatim.
/// </summary>
public static class DefinitionStates
{
    /// <summary>The state of <paramref name="definition"/>, with working directory <c>/</c> and no platform (a definition op has none to give).</summary>
    /// <exception cref="FormatException">An op does not parse, or a location names a source map that is not there.</exception>
    public static LlbState FromDefinition(Pb.Definition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var ops = ImmutableDictionary.CreateBuilder<string, (byte[] Bytes, Pb.Op Op)>(StringComparer.Ordinal);
        var last = "";
        foreach (var bytes in definition.Def)
        {
            Pb.Op op;
            try
            {
                op = Pb.Op.Parser.ParseFrom(bytes);
            }
            catch (InvalidProtocolBufferException ex)
            {
                throw new FormatException("failed to parse llb proto op: " + ex.Message, ex);
            }

            last = Digest.Of(bytes.Span).Value;
            ops[last] = (bytes.ToByteArray(), op);
        }

        var graph = new DefinitionGraph(
            ops.ToImmutable(),
            definition.Metadata.ToImmutableDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal),
            Locations(definition.Source));
        if (last.Length == 0)
        {
            return LlbState.FromOutput(new LlbOutput(graph.VertexOf("", 0)));
        }

        var terminal = ops[last].Op;
        if (terminal.Inputs.Count == 0)
        {
            throw new FormatException("invalid definition: its last op has no input");
        }

        return LlbState.FromOutput(new LlbOutput(graph.VertexOf(terminal.Inputs[0].Digest, terminal.Inputs[0].Index)));
    }

    private static ImmutableDictionary<string, ImmutableArray<SourceLocation>> Locations(Pb.Source? source)
    {
        var result = ImmutableDictionary.CreateBuilder<string, ImmutableArray<SourceLocation>>(StringComparer.Ordinal);
        if (source is null)
        {
            return result.ToImmutable();
        }

        var maps = source.Infos.Select(info => new SourceMapSpec(info.Filename, info.Data.Memory, info.Language)
        {
            Definition = info.Definition is { } nested ? FromDefinition(nested) : null,
        }).ToArray();
        foreach (var (digest, locations) in source.Locations)
        {
            var list = ImmutableArray.CreateBuilder<SourceLocation>();
            foreach (var location in locations.Locations_)
            {
                if (location.SourceIndex < 0 || location.SourceIndex >= maps.Length)
                {
                    throw new FormatException($"failed to find source map with index {location.SourceIndex}");
                }

                list.Add(new SourceLocation(
                    maps[location.SourceIndex],
                    [.. location.Ranges.Select(r => new LlbRange(r.Start?.Line ?? 0, r.Start?.Character ?? 0, r.End?.Line ?? 0, r.End?.Character ?? 0))]));
            }

            result[digest] = list.ToImmutable();
        }

        return result.ToImmutable();
    }
}
