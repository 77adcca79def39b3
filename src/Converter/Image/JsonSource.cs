using System.Text;
using System.Text.Json;

namespace CSharpFrontend.Converter.Image;

/// <summary>UTF-8 JSON text with its name, for readers that report errors as <c>name:line:column</c>.</summary>
internal sealed class JsonSource
{
    /// <summary>Go's encoding/json nesting limit (System.Text.Json's default, 64, refused configs Go reads).</summary>
    public const int MaxDepth = 10_000;

    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = MaxDepth };

    public JsonSource(ReadOnlyMemory<byte> utf8, string name)
    {
        Utf8 = System.Text.Unicode.Utf8.IsValid(utf8.Span) ? utf8 : Utf8Repair.ReplaceInvalid(utf8.Span);
        Name = name;
    }

    public ReadOnlyMemory<byte> Utf8 { get; }

    public string Name { get; }

    public static JsonSource FromText(string text, string name) => new(Encoding.UTF8.GetBytes(text), name);

    /// <summary>A reader over the whole text, after checking it is well-formed JSON (syntax errors are reported here).</summary>
    public Utf8JsonReader OpenValidated()
    {
        try
        {
            using var document = JsonDocument.Parse(Utf8, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? -1) + 1;
            var column = (int)(e.BytePositionInLine ?? -1) + 1;
            throw new ImageConfigFormatException("invalid JSON: " + SyntaxReason(e.Message), Name, line, column, e);
        }

        var reader = new Utf8JsonReader(Utf8.Span, Options);
        reader.Read();
        return reader;
    }

    /// <summary>An error at the current token of <paramref name="reader"/>.</summary>
    public ImageConfigFormatException Error(in Utf8JsonReader reader, string reason)
    {
        var span = Utf8.Span[..(int)Math.Min(reader.TokenStartIndex, Utf8.Length)];
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new ImageConfigFormatException(reason, Name, line, span.Length - lineStart + 1);
    }

    // System.Text.Json appends its own " LineNumber: n | BytePositionInLine: m." to the message.
    private static string SyntaxReason(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (at >= 0 ? message[..at] : message).TrimEnd();
    }
}
