using System.Runtime.CompilerServices;
using CSharpFrontend.Parser.Text;

namespace CSharpFrontend.Parser.Lines;

/// <summary>One physical line of the input.</summary>
/// <param name="Number">1-based line number.</param>
/// <param name="Start">Index of its first character.</param>
/// <param name="ContentEnd">Index just after its content (before the <c>\n</c>).</param>
/// <param name="End">Index just after its <c>\n</c> (equal to <paramref name="ContentEnd"/> on a last line without newline).</param>
internal readonly record struct PhysicalLine(int Number, int Start, int ContentEnd, int End);

/// <summary>
/// Splits the input on <c>\n</c> like BuildKit's scanner, including its size limit: a line (with its newline) of
/// more than 65536 UTF-8 bytes stops the scan and is reported as too long.
/// </summary>
internal sealed class LineReader(string text)
{
    /// <summary>BuildKit's <c>bufio.MaxScanTokenSize</c>.</summary>
    public const int MaxTokenSize = 64 * 1024;

    private int _pos;
    private int _number;

    /// <summary>True once a line longer than the limit was met (the scan stops there).</summary>
    public bool TooLong { get; private set; }

    public string Text => text;

    /// <summary>Reads the next line; false at the end of input or on a too long line.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Next(out PhysicalLine line)
    {
        line = default;
        if (TooLong || _pos >= text.Length)
        {
            return false;
        }

        int nl = text.IndexOf('\n', _pos);
        bool hasNewline = nl >= 0;
        int contentEnd = hasNewline ? nl : text.Length;
        int end = hasNewline ? nl + 1 : text.Length;
        int chars = end - _pos;
        if (chars * 3 >= MaxTokenSize)
        {
            int bytes = GoText.Utf8Length(text, _pos, end);
            if (bytes > MaxTokenSize || (!hasNewline && bytes >= MaxTokenSize))
            {
                TooLong = true;
                return false;
            }
        }

        _number++;
        line = new PhysicalLine(_number, _pos, contentEnd, end);
        _pos = end;
        return true;
    }
}
