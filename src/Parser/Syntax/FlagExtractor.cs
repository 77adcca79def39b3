using System.Runtime.CompilerServices;
using System.Text;
using CSharpFrontend.Parser.Text;

namespace CSharpFrontend.Parser.Syntax;

/// <summary>
/// Splits the leading <c>--flag[=value]</c> words off an instruction's arguments. Like BuildKit this walks the
/// UTF-8 bytes (so a non-ASCII byte is read as the Latin-1 character of the same value).
/// </summary>
internal static class FlagExtractor
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (string Remainder, List<string>? Flags) Extract(string text, int start, char escape)
    {
        if (start >= text.Length)
        {
            return (string.Empty, null);
        }

        // Fast path: no flag words.
        if (text[start] < 0x80 && !GoText.IsSpaceByte((byte)text[start]) && string.CompareOrdinal(text, start, "--", 0, 2) != 0)
        {
            return (start == 0 ? text : text[start..], null);
        }

        string line = text[start..];

        var flags = new List<string>();

        bool ascii = Ascii.IsValid(line);
        byte[] bytes = ascii ? [] : Encoding.UTF8.GetBytes(line);
        int len = ascii ? line.Length : bytes.Length;
        byte At(int i) => ascii ? (byte)line[i] : bytes[i];
        string RestAt(int i) => ascii ? line[i..] : Encoding.UTF8.GetString(bytes, i, len - i);

        const int InSpaces = 0, InWord = 1, InQuote = 2;
        int phase = InSpaces;
        var word = new StringBuilder();
        byte quote = 0;
        bool blankOk = false;
        byte ch = 0;
        for (int pos = 0; pos <= len; pos++)
        {
            if (pos != len)
            {
                ch = At(pos);
            }

            if (phase == InSpaces)
            {
                if (pos == len)
                {
                    break;
                }

                if (GoText.IsSpaceByte(ch))
                {
                    continue;
                }

                if (ch != '-' || pos + 1 == len || At(pos + 1) != '-')
                {
                    return (RestAt(pos), flags);
                }

                phase = InWord;
            }

            if (pos == len)
            {
                var w = word.ToString();
                if (w != "--" && (blankOk || w.Length > 0))
                {
                    flags.Add(w);
                }

                break;
            }

            if (phase == InWord)
            {
                if (GoText.IsSpaceByte(ch))
                {
                    var w = word.ToString();
                    phase = InSpaces;
                    if (w == "--")
                    {
                        return (RestAt(pos), flags);
                    }

                    if (blankOk || w.Length > 0)
                    {
                        flags.Add(w);
                    }

                    word.Clear();
                    blankOk = false;
                    continue;
                }

                if (ch is (byte)'\'' or (byte)'"')
                {
                    quote = ch;
                    blankOk = true;
                    phase = InQuote;
                    continue;
                }

                if (ch == escape)
                {
                    if (pos + 1 == len)
                    {
                        continue;
                    }

                    pos++;
                    ch = At(pos);
                }

                word.Append((char)ch);
                continue;
            }

            if (ch == quote)
            {
                phase = InWord;
                continue;
            }

            if (ch == escape)
            {
                if (pos + 1 == len)
                {
                    phase = InWord;
                    continue;
                }

                pos++;
                ch = At(pos);
            }

            word.Append((char)ch);
        }

        return (string.Empty, flags);
    }
}
