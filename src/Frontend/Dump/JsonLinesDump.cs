using System.Buffers;

namespace CSharpFrontend.Frontend.Dump;

/// <summary>
/// The output of <c>buildctl debug dump-llb</c>: one JSON object per op,
/// <c>{"Op":...,"Digest":"sha256:...","OpMetadata":{...}}</c>, each on its own line.
/// </summary>
public static class JsonLinesDump
{
    /// <summary>All lines, UTF-8, each ending in a newline.</summary>
    public static byte[] Render(IEnumerable<DumpedOp> ops)
    {
        var buffer = new ArrayBufferWriter<byte>();
        foreach (var op in ops)
        {
            WriteLine(new GoJsonWriter(buffer, markersAreInvalidBytes: op.HasInvalidUtf8), op);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteLine(GoJsonWriter w, DumpedOp op)
    {
        w.StartObject();
        w.Name("Op");
        LlbJson.Op(w, op.Op);
        w.Name("Digest");
        w.String(op.Digest);
        w.Name("OpMetadata");
        LlbJson.OpMetadata(w, op.Metadata);
        w.EndObject();
        w.EndLine();
    }
}
