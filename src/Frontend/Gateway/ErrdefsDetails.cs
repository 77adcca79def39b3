using System.Buffers;
using System.Text.Json;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Frontend.Gateway;

/// <summary>
/// BuildKit's typed error details (solver/errdefs), encoded as its grpcerrors does: the type URL
/// <c>github.com/moby/buildkit/errdefs.X+json</c> and the Go JSON of the message.
/// </summary>
public static class ErrdefsDetails
{
    /// <summary>The type URL of a source location.</summary>
    public const string SourceTypeUrl = "github.com/moby/buildkit/errdefs.Source+json";

    /// <summary>The type URL of an unsupported frontend capability.</summary>
    public const string FrontendCapTypeUrl = "github.com/moby/buildkit/errdefs.FrontendCap+json";

    /// <summary>The type URL of an unsupported subrequest.</summary>
    public const string SubrequestTypeUrl = "github.com/moby/buildkit/errdefs.Subrequest+json";

    /// <summary>
    /// <c>errdefs.Source</c>: the file (name, content, the definition that loaded it) and the ranges the error is at;
    /// what <c>docker build</c> prints the offending lines from.
    /// </summary>
    public static ErrorDetail Source(string filename, ReadOnlyMemory<byte> data, Pb.Definition? definition, IEnumerable<LlbRange> ranges) =>
        new(SourceTypeUrl, Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("info");
            if (filename.Length > 0)
            {
                writer.WriteString("filename", filename);
            }

            if (!data.IsEmpty)
            {
                writer.WriteBase64String("data", data.Span);
            }

            if (definition is not null)
            {
                writer.WriteStartObject("definition");
                if (definition.Def.Count > 0)
                {
                    writer.WriteStartArray("def");
                    foreach (var op in definition.Def)
                    {
                        writer.WriteBase64StringValue(op.Span);
                    }

                    writer.WriteEndArray();
                }

                writer.WriteStartObject("metadata");
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            var list = ranges.ToList();
            if (list.Count > 0)
            {
                writer.WriteStartArray("ranges");
                foreach (var range in list)
                {
                    writer.WriteStartObject();
                    Position(writer, "start", range.StartLine, range.StartCharacter);
                    Position(writer, "end", range.EndLine, range.EndCharacter);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }));

    /// <summary><c>errdefs.FrontendCap</c>.</summary>
    public static ErrorDetail FrontendCap(string name) => new(FrontendCapTypeUrl, Named(name));

    /// <summary><c>errdefs.Subrequest</c>.</summary>
    public static ErrorDetail Subrequest(string name) => new(SubrequestTypeUrl, Named(name));

    private static byte[] Named(string name) => Json(writer =>
    {
        writer.WriteStartObject();
        if (name.Length > 0)
        {
            writer.WriteString("name", name);
        }

        writer.WriteEndObject();
    });

    private static void Position(Utf8JsonWriter writer, string name, int line, int character)
    {
        writer.WriteStartObject(name);
        if (line != 0)
        {
            writer.WriteNumber("line", line);
        }

        if (character != 0)
        {
            writer.WriteNumber("character", character);
        }

        writer.WriteEndObject();
    }

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
