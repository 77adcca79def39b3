using System.Text;

namespace CSharpFrontend.Parser.Grammar;

/// <summary>
/// Text seen as BuildKit's flag reader sees it: one character per UTF-8 byte (Latin-1), as Go's
/// <c>rune(line[pos])</c>. A non-ASCII character is thus several characters, and a byte 0x85 or 0xA0 inside one
/// counts as a blank. ASCII text is its own view.
/// </summary>
internal readonly struct ByteView
{
    private readonly byte[]? _bytes;

    private ByteView(string text, byte[]? bytes)
    {
        Text = text;
        _bytes = bytes;
    }

    /// <summary>The view: the text itself when ASCII, else its UTF-8 bytes as characters U+0000..U+00FF.</summary>
    public string Text { get; }

    public static ByteView Of(string text)
    {
        if (Ascii.IsValid(text))
        {
            return new ByteView(text, null);
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        return new ByteView(Encoding.Latin1.GetString(bytes), bytes);
    }

    /// <summary>The original text from view position <paramref name="offset"/> (a split character becomes U+FFFD).</summary>
    public string Rest(int offset) =>
        _bytes is null ? Text[offset..] : Encoding.UTF8.GetString(_bytes, offset, _bytes.Length - offset);

    /// <summary>The original text of view positions <paramref name="start"/>..<paramref name="end"/>.</summary>
    public string Slice(int start, int end) =>
        _bytes is null ? Text[start..end] : Encoding.UTF8.GetString(_bytes, start, end - start);

    /// <summary>Go <c>unicode.IsSpace(rune(b))</c> for one byte of the view.</summary>
    public static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r' or '\u0085' or '\u00A0';
}
