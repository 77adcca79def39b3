namespace CSharpFrontend.Shell.Internal;

/// <summary>
/// A forward cursor over the code points of a string. A byte-order mark at the very start is skipped,
/// as the reference scanner does.
/// </summary>
internal struct CodePointReader
{
    private readonly string _text;
    private int _position;

    /// <summary>Starts reading <paramref name="text"/>.</summary>
    public CodePointReader(string text)
    {
        _text = text;
        _position = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
    }

    /// <summary>The UTF-16 offset of the next code point.</summary>
    public readonly int Position => _position;

    /// <summary>The next code point without consuming it, or <see cref="CodePoints.Eof"/>.</summary>
    public readonly int Peek() =>
        _position < _text.Length ? CodePoints.Decode(_text, _position, out _) : CodePoints.Eof;

    /// <summary>Consumes and returns the next code point, or <see cref="CodePoints.Eof"/>.</summary>
    public int Next()
    {
        if (_position >= _text.Length)
        {
            return CodePoints.Eof;
        }

        int cp = CodePoints.Decode(_text, _position, out int width);
        _position += width;
        return cp;
    }
}
