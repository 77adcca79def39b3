using System.Buffers;
using System.Text;

namespace CSharpFrontend.Frontend.Dump;

/// <summary>
/// Writes compact JSON with the exact bytes of Go's <c>encoding/json</c> encoder in its default mode
/// (HTML-safe escaping, lower-case hex escapes, U+2028/U+2029 escaped, non-ASCII written as UTF-8;
/// backspace and form feed as <c>\b</c> and <c>\f</c> since Go 1.22, as <c>\u0008</c> and <c>\u000c</c> before).
/// </summary>
/// <remarks>
/// Separators are placed automatically: values inside an array and properties inside an object are
/// comma-separated; a value written right after <see cref="Name"/> belongs to that property.
/// </remarks>
internal sealed class GoJsonWriter
{
    private const string Hex = "0123456789abcdef";

    private readonly ArrayBufferWriter<byte> _buffer;
    private readonly bool _markersAreInvalidBytes;
    private readonly bool _shortControlEscapes;
    private readonly Stack<bool> _hasItems = new();
    private bool _afterName;

    /// <param name="buffer">Receives the UTF-8 output.</param>
    /// <param name="markersAreInvalidBytes">Strings hold invalid bytes as <see cref="InvalidUtf8"/> markers: write them as Go does.</param>
    /// <param name="shortControlEscapes">Write backspace and form feed as <c>\b</c> and <c>\f</c> (Go 1.22 and later).</param>
    public GoJsonWriter(ArrayBufferWriter<byte> buffer, bool markersAreInvalidBytes = false, bool shortControlEscapes = false)
    {
        _buffer = buffer;
        _markersAreInvalidBytes = markersAreInvalidBytes;
        _shortControlEscapes = shortControlEscapes;
    }

    /// <summary>Strings hold invalid bytes as <see cref="InvalidUtf8"/> markers.</summary>
    public bool MarkersAreInvalidBytes => _markersAreInvalidBytes;

    public void StartObject()
    {
        BeforeValue();
        Raw((byte)'{');
        _hasItems.Push(false);
    }

    public void EndObject()
    {
        _hasItems.Pop();
        Raw((byte)'}');
    }

    public void StartArray()
    {
        BeforeValue();
        Raw((byte)'[');
        _hasItems.Push(false);
    }

    public void EndArray()
    {
        _hasItems.Pop();
        Raw((byte)']');
    }

    /// <summary>A property name; the next value written is its value.</summary>
    public void Name(string name)
    {
        BeforeValue();
        WriteQuoted(name);
        Raw((byte)':');
        _afterName = true;
    }

    public void String(string value)
    {
        BeforeValue();
        WriteQuoted(value);
    }

    public void Number(long value)
    {
        BeforeValue();
        Span<byte> digits = stackalloc byte[24];
        value.TryFormat(digits, out var written, provider: System.Globalization.CultureInfo.InvariantCulture);
        _buffer.Write(digits[..written]);
    }

    public void Number(ulong value)
    {
        BeforeValue();
        Span<byte> digits = stackalloc byte[24];
        value.TryFormat(digits, out var written, provider: System.Globalization.CultureInfo.InvariantCulture);
        _buffer.Write(digits[..written]);
    }

    public void Bool(bool value)
    {
        BeforeValue();
        _buffer.Write(value ? "true"u8 : "false"u8);
    }

    public void Null()
    {
        BeforeValue();
        _buffer.Write("null"u8);
    }

    /// <summary>A byte slice as Go marshals <c>[]byte</c>: standard base64 with padding, in a string.</summary>
    public void Base64(ReadOnlySpan<byte> value)
    {
        BeforeValue();
        Raw((byte)'"');
        _buffer.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(value)));
        Raw((byte)'"');
    }

    /// <summary>Ends a top-level value with a newline, as <c>json.Encoder.Encode</c> does.</summary>
    public void EndLine() => Raw((byte)'\n');

    private void BeforeValue()
    {
        if (_afterName)
        {
            _afterName = false;
            return;
        }

        if (_hasItems.Count == 0)
        {
            return;
        }

        if (_hasItems.Pop())
        {
            Raw((byte)',');
        }

        _hasItems.Push(true);
    }

    private void Raw(byte b)
    {
        _buffer.GetSpan(1)[0] = b;
        _buffer.Advance(1);
    }

    private void WriteQuoted(string value)
    {
        Raw((byte)'"');
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c < 0x80)
            {
                WriteAscii(c);
                continue;
            }

            if (c is '\u2028' or '\u2029')
            {
                WriteUnicodeEscape(c);
                continue;
            }

            Rune rune;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                rune = new Rune(c, value[i + 1]);
                i++;
                if (_markersAreInvalidBytes && InvalidUtf8.IsMarker(rune.Value))
                {
                    WriteUnicodeEscape('\ufffd');
                    continue;
                }
            }
            else if (char.IsSurrogate(c))
            {
                // A lone surrogate is not valid UTF-8; Go writes the replacement character escaped.
                WriteUnicodeEscape('\ufffd');
                continue;
            }
            else
            {
                rune = new Rune(c);
            }

            var length = rune.EncodeToUtf8(utf8);
            _buffer.Write(utf8[..length]);
        }

        Raw((byte)'"');
    }

    private void WriteAscii(char c)
    {
        switch (c)
        {
            case '"':
                _buffer.Write("\\\""u8);
                return;
            case '\\':
                _buffer.Write("\\\\"u8);
                return;
            case '\n':
                _buffer.Write("\\n"u8);
                return;
            case '\r':
                _buffer.Write("\\r"u8);
                return;
            case '\t':
                _buffer.Write("\\t"u8);
                return;
            case '\b' when _shortControlEscapes:
                _buffer.Write("\\b"u8);
                return;
            case '\f' when _shortControlEscapes:
                _buffer.Write("\\f"u8);
                return;
        }

        if (c < 0x20 || c is '<' or '>' or '&')
        {
            WriteUnicodeEscape(c);
            return;
        }

        Raw((byte)c);
    }

    private void WriteUnicodeEscape(char c)
    {
        Span<byte> escape = [(byte)'\\', (byte)'u', (byte)Hex[c >> 12], (byte)Hex[(c >> 8) & 0xf], (byte)Hex[(c >> 4) & 0xf], (byte)Hex[c & 0xf]];
        _buffer.Write(escape);
    }
}
