using System.Buffers;
using System.Text;

namespace CSharpFrontend.Converter.Image;

/// <summary>Go's reading of invalid UTF-8 in JSON text: each byte that does not start a valid sequence becomes U+FFFD.</summary>
internal static class Utf8Repair
{
    public static byte[] ReplaceInvalid(ReadOnlySpan<byte> text)
    {
        var output = new ArrayBufferWriter<byte>(text.Length + 16);
        while (!text.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(text, out _, out var consumed) == OperationStatus.Done)
            {
                output.Write(text[..consumed]);
                text = text[consumed..];
            }
            else
            {
                output.Write("\uFFFD"u8);
                text = text[1..];
            }
        }

        return output.WrittenSpan.ToArray();
    }
}
