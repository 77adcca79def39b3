using CSharpFrontend.Converter.Llb;
using Google.Protobuf;
using Pb;

namespace CSharpFrontend.Frontend.Dump;

/// <summary>Decodes a binary <c>pb.Definition</c> and each op in it, in <c>def</c> order.</summary>
public static class DefinitionReader
{
    /// <summary>The definition's ops with their digests and metadata.</summary>
    /// <exception cref="LlbDumpException">The bytes are not a definition, or one of its ops does not decode.</exception>
    public static IReadOnlyList<DumpedOp> Read(ReadOnlySpan<byte> bytes)
    {
        Definition definition;
        try
        {
            definition = Definition.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new LlbDumpException($"not a pb.Definition ({bytes.Length} bytes): {ex.Message}", ex);
        }

        var ops = new List<DumpedOp>(definition.Def.Count);
        for (var i = 0; i < definition.Def.Count; i++)
        {
            var bytesOfOp = definition.Def[i].Span;
            Op op;
            try
            {
                op = Op.Parser.ParseFrom(bytesOfOp);
            }
            catch (InvalidProtocolBufferException ex)
            {
                throw new LlbDumpException($"failed to parse op {i} of {definition.Def.Count}: {ex.Message}", ex);
            }

            var digest = Digest.Of(bytesOfOp).Value;
            ops.Add(new DumpedOp(op, digest, definition.Metadata.TryGetValue(digest, out var metadata) ? metadata : null));
        }

        return ops;
    }
}
