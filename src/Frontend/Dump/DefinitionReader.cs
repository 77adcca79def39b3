using CSharpFrontend.Converter.Llb;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Pb;

namespace CSharpFrontend.Frontend.Dump;

/// <summary>Decodes a binary <c>pb.Definition</c> and each op in it, in <c>def</c> order.</summary>
public static class DefinitionReader
{
    /// <summary>The definition's ops with their digests and metadata.</summary>
    /// <exception cref="LlbDumpException">The bytes are not a definition, or one of its ops does not decode.</exception>
    public static IReadOnlyList<DumpedOp> Read(ReadOnlySpan<byte> bytes)
    {
        var length = bytes.Length;
        var (definition, definitionRepaired) = Parse(bytes, Definition.Parser, Definition.Descriptor,
            error => $"not a pb.Definition ({length} bytes): {error}");

        var ops = new List<DumpedOp>(definition.Def.Count);
        for (var i = 0; i < definition.Def.Count; i++)
        {
            var bytesOfOp = definition.Def[i].Span;
            var (op, opRepaired) = Parse(bytesOfOp, Op.Parser, Op.Descriptor,
                error => $"failed to parse op {i} of {definition.Def.Count}: {error}");
            var digest = Digest.Of(bytesOfOp).Value;
            var metadata = definition.Metadata.TryGetValue(digest, out var found) ? found : null;
            ops.Add(new DumpedOp(op, digest, metadata, definitionRepaired || opRepaired));
        }

        return ops;
    }

    /// <summary>The message, parsed once more with invalid UTF-8 in its strings marked if it fails only for that.</summary>
    private static (T Message, bool Repaired) Parse<T>(ReadOnlySpan<byte> bytes, MessageParser<T> parser, MessageDescriptor descriptor, Func<string, string> describe)
        where T : IMessage<T>
    {
        try
        {
            return (parser.ParseFrom(bytes), false);
        }
        catch (InvalidProtocolBufferException ex)
        {
            if (InvalidUtf8.Repair(bytes, descriptor) is { } repaired)
            {
                try
                {
                    return (parser.ParseFrom(repaired), true);
                }
                catch (InvalidProtocolBufferException)
                {
                    // The repair did not help: the data is malformed otherwise; report the first error.
                }
            }

            throw new LlbDumpException(describe(ex.Message), ex);
        }
    }
}
