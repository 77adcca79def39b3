using System.Buffers;

namespace CSharpFrontend.Frontend.Dump;

/// <summary>
/// The output of <c>buildctl debug dump-llb</c>: one JSON object per op,
/// <c>{"Op":...,"Digest":"sha256:...","OpMetadata":{...}}</c>, each on its own line, in the
/// <see cref="DumpFormat"/> of one BuildKit release.
/// </summary>
public static class JsonLinesDump
{
    /// <summary>All lines, UTF-8, each ending in a newline, as the release of <paramref name="format"/> prints them.</summary>
    public static byte[] Render(IEnumerable<DumpedOp> ops, DumpFormat format)
    {
        var json = new LlbJson(format);
        var buffer = new ArrayBufferWriter<byte>();
        foreach (var op in ops)
        {
            WriteLine(json, new GoJsonWriter(buffer, markersAreInvalidBytes: op.HasInvalidUtf8, shortControlEscapes: format.ShortControlEscapes), op);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The dump of a binary <c>pb.Definition</c>, as the release of <paramref name="format"/> prints it.</summary>
    /// <exception cref="LlbDumpException">The bytes are not a definition, or one of its ops does not decode.</exception>
    public static byte[] Render(ReadOnlySpan<byte> definition, DumpFormat format) =>
        Render(DefinitionReader.Read(definition), format);

    private static void WriteLine(LlbJson json, GoJsonWriter w, DumpedOp op)
    {
        w.StartObject();
        w.Name("Op");
        json.Op(w, op.Op);
        w.Name("Digest");
        w.String(op.Digest);
        w.Name("OpMetadata");
        json.OpMetadata(w, op.Metadata);
        w.EndObject();
        w.EndLine();
    }
}
