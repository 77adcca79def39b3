using System.Buffers;
using System.Text;
using Google.Protobuf.Reflection;

namespace CSharpFrontend.Frontend.Dump;

/// <summary>
/// Go keeps the bytes of a protobuf string as they are, valid UTF-8 or not, and <c>encoding/json</c> writes each
/// byte that does not start a valid sequence as <c>\ufffd</c>; Google.Protobuf refuses such strings. This rewrites
/// a message's string fields so that it parses, each such byte b replaced by the code point
/// <see cref="MarkerBase"/> + b (the top of plane 16's private use area, which LLB producers do not write);
/// <see cref="GoJsonWriter"/> writes those as Go does, and map keys still sort by their original bytes.
/// </summary>
internal static class InvalidUtf8
{
    /// <summary>Invalid byte b (0x80–0xFF) is held as code point <c>MarkerBase + b</c>.</summary>
    public const int MarkerBase = 0x10FF00;

    public static bool IsMarker(int codePoint) => codePoint >= MarkerBase + 0x80;

    /// <summary>The bytes Go held for a string read with markers: markers back to their byte, the rest UTF-8.</summary>
    public static byte[] OriginalBytes(string value)
    {
        var output = new List<byte>(value.Length);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            if (IsMarker(rune.Value))
            {
                output.Add((byte)(rune.Value - MarkerBase));
                continue;
            }

            var length = rune.EncodeToUtf8(utf8);
            output.AddRange(utf8[..length]);
        }

        return [.. output];
    }

    /// <summary>The string for display: markers as U+FFFD.</summary>
    public static string ForDisplay(string value)
    {
        if (!value.EnumerateRunes().Any(rune => IsMarker(rune.Value)))
        {
            return value;
        }

        return string.Concat(value.EnumerateRunes().Select(rune => IsMarker(rune.Value) ? "\uFFFD" : rune.ToString()));
    }

    /// <summary>
    /// Messages nested deeper than this are not repaired: Google.Protobuf's parser refuses them anyway (its default
    /// recursion limit), and the repair's own recursion (and copies, one per level) stays bounded whatever the input.
    /// </summary>
    public const int MaxDepth = 100;

    /// <summary>
    /// The message with its string fields (up to <see cref="MaxDepth"/> levels) made valid, or <c>null</c> when the
    /// wire data is malformed or nested deeper.
    /// </summary>
    public static byte[]? Repair(ReadOnlySpan<byte> message, MessageDescriptor descriptor) => Repair(message, descriptor, 0);

    private static byte[]? Repair(ReadOnlySpan<byte> message, MessageDescriptor descriptor, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        var output = new ArrayBufferWriter<byte>(message.Length + 16);
        return RepairInto(message, descriptor, output, depth) ? output.WrittenSpan.ToArray() : null;
    }

    private static bool RepairInto(ReadOnlySpan<byte> message, MessageDescriptor descriptor, ArrayBufferWriter<byte> output, int depth)
    {
        var position = 0;
        while (position < message.Length)
        {
            var start = position;
            if (!TryVarint(message, ref position, out var tag))
            {
                return false;
            }

            var wireType = (int)(tag & 7);
            switch (wireType)
            {
                case 0:
                    if (!TryVarint(message, ref position, out _))
                    {
                        return false;
                    }

                    output.Write(message[start..position]);
                    break;
                case 1 or 5:
                    position += wireType == 1 ? 8 : 4;
                    if (position > message.Length)
                    {
                        return false;
                    }

                    output.Write(message[start..position]);
                    break;
                case 2:
                    var afterTag = position;
                    if (!TryVarint(message, ref position, out var length) || length > (ulong)(message.Length - position))
                    {
                        return false;
                    }

                    var payload = message.Slice(position, (int)length);
                    position += (int)length;
                    output.Write(message[start..afterTag]);
                    var repaired = RepairField(payload, descriptor.FindFieldByNumber((int)(tag >> 3)), depth);
                    if (repaired is null)
                    {
                        return false;
                    }

                    WriteVarint(output, (ulong)repaired.Length);
                    output.Write(repaired);
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    private static byte[]? RepairField(ReadOnlySpan<byte> payload, FieldDescriptor? field, int depth) => field?.FieldType switch
    {
        FieldType.String => RepairString(payload),
        FieldType.Message => Repair(payload, field.MessageType, depth + 1),
        _ => payload.ToArray(),
    };

    private static byte[] RepairString(ReadOnlySpan<byte> value)
    {
        if (System.Text.Unicode.Utf8.IsValid(value))
        {
            return value.ToArray();
        }

        var output = new ArrayBufferWriter<byte>(value.Length * 4);
        Span<byte> marker = stackalloc byte[4];
        while (!value.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(value, out _, out var consumed) == OperationStatus.Done)
            {
                output.Write(value[..consumed]);
                value = value[consumed..];
            }
            else
            {
                var length = new Rune(MarkerBase + value[0]).EncodeToUtf8(marker);
                output.Write(marker[..length]);
                value = value[1..];
            }
        }

        return output.WrittenSpan.ToArray();
    }

    private static bool TryVarint(ReadOnlySpan<byte> data, ref int position, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64 && position < data.Length; shift += 7)
        {
            var b = data[position++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return true;
            }
        }

        return false;
    }

    private static void WriteVarint(ArrayBufferWriter<byte> output, ulong value)
    {
        while (value >= 0x80)
        {
            output.GetSpan(1)[0] = (byte)(value | 0x80);
            output.Advance(1);
            value >>= 7;
        }

        output.GetSpan(1)[0] = (byte)value;
        output.Advance(1);
    }
}
