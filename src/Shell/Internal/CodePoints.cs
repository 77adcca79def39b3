using System.Text;

namespace CSharpFrontend.Shell.Internal;

/// <summary>
/// Code-point helpers. Text is handled as Unicode scalar values, like the reference implementation
/// handles runes; an unpaired surrogate is treated as a code point of its own.
/// </summary>
internal static class CodePoints
{
    /// <summary>The value returned for "no more input".</summary>
    public const int Eof = -1;

    /// <summary>Decodes the code point starting at <paramref name="index"/> and its length in UTF-16 units.</summary>
    public static int Decode(string text, int index, out int width)
    {
        char c = text[index];
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            width = 2;
            return char.ConvertToUtf32(c, text[index + 1]);
        }

        width = 1;
        return c;
    }

    /// <summary>Appends one code point; <see cref="Eof"/> is rendered as U+FFFD, like a Go rune of -1.</summary>
    public static void Append(StringBuilder builder, int codePoint)
    {
        if (codePoint < 0)
        {
            builder.Append('\uFFFD');
        }
        else if (codePoint < 0x10000)
        {
            builder.Append((char)codePoint);
        }
        else
        {
            int offset = codePoint - 0x10000;
            builder.Append((char)(0xD800 + (offset >> 10)));
            builder.Append((char)(0xDC00 + (offset & 0x3FF)));
        }
    }

    /// <summary>The text of one code point (U+FFFD for <see cref="Eof"/>).</summary>
    public static string ToText(int codePoint)
    {
        if (codePoint is >= 0 and < 0x10000)
        {
            return ((char)codePoint).ToString();
        }

        var builder = new StringBuilder(2);
        Append(builder, codePoint);
        return builder.ToString();
    }

    /// <summary>Splits a string into code points.</summary>
    public static int[] ToArray(string text)
    {
        var result = new int[text.Length];
        int count = 0;
        for (int i = 0; i < text.Length;)
        {
            result[count++] = Decode(text, i, out int width);
            i += width;
        }

        return count == result.Length ? result : result.AsSpan(0, count).ToArray();
    }

    /// <summary>Builds a string from a run of code points.</summary>
    public static string FromSpan(ReadOnlySpan<int> codePoints)
    {
        var builder = new StringBuilder(codePoints.Length);
        foreach (int cp in codePoints)
        {
            Append(builder, cp);
        }

        return builder.ToString();
    }

    /// <summary>Unicode letter test (categories Lu, Ll, Lt, Lm, Lo).</summary>
    public static bool IsLetter(int codePoint) =>
        IsScalar(codePoint) && Rune.IsLetter(new Rune(codePoint));

    /// <summary>Unicode decimal digit test (category Nd).</summary>
    public static bool IsDigit(int codePoint) =>
        IsScalar(codePoint) && Rune.IsDigit(new Rune(codePoint));

    /// <summary>
    /// White space as the reference implementation's word splitter sees it: ASCII blanks, NEL, NBSP and
    /// the Unicode White_Space characters.
    /// </summary>
    public static bool IsSpace(int codePoint) => codePoint switch
    {
        '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or 0x85 or 0xA0 => true,
        < 0x100 => false,
        0x1680 or (>= 0x2000 and <= 0x200A) or 0x2028 or 0x2029 or 0x202F or 0x205F or 0x3000 => true,
        _ => false,
    };

    private static bool IsScalar(int codePoint) => Rune.IsValid(codePoint);
}
