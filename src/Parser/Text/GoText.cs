using System.Runtime.CompilerServices;
using System.Globalization;
using System.Text;

namespace CSharpFrontend.Parser.Text;

/// <summary>String helpers with the exact semantics of the Go functions BuildKit's parser relies on.</summary>
internal static class GoText
{
    /// <summary>Go <c>unicode.IsSpace</c>.</summary>
    public static bool IsSpace(char c) => c switch
    {
        ' ' or '\t' or '\n' or '\v' or '\f' or '\r' or '\u0085' or '\u00A0' => true,
        < '\u0100' => false,
        _ => char.IsWhiteSpace(c),
    };

    /// <summary>Go <c>unicode.IsSpace(rune(b))</c> applied to one byte (used where BuildKit walks bytes, not runes).</summary>
    public static bool IsSpaceByte(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\v' or (byte)'\f' or (byte)'\r' or 0x85 or 0xA0;

    /// <summary>Member of the class <c>[\t\v\f\r ]</c> BuildKit uses to split words.</summary>
    public static bool IsSplitBlank(char c) => c is ' ' or '\t' or '\v' or '\f' or '\r';

    /// <summary>Go <c>strings.TrimSpace</c>.</summary>
    public static string TrimSpace(string s)
    {
        int start = 0, end = s.Length;
        while (start < end && IsSpace(s[start]))
        {
            start++;
        }

        while (end > start && IsSpace(s[end - 1]))
        {
            end--;
        }

        return start == 0 && end == s.Length ? s : s[start..end];
    }

    /// <summary>Go <c>strings.TrimLeftFunc(s, unicode.IsSpace)</c>.</summary>
    public static string TrimLeftSpace(string s)
    {
        int start = 0;
        while (start < s.Length && IsSpace(s[start]))
        {
            start++;
        }

        return start == 0 ? s : s[start..];
    }

    /// <summary>Go regexp <c>[\t\v\f\r ]+</c> Split(s, n) for n = -1 (all) or n = 2.</summary>
    public static List<string> SplitBlanks(string s, int limit)
    {
        var parts = new List<string>();
        int partStart = 0;
        int i = 0;
        while (i < s.Length)
        {
            if (limit > 0 && parts.Count == limit - 1)
            {
                break;
            }

            if (IsSplitBlank(s[i]))
            {
                int runEnd = i;
                while (runEnd < s.Length && IsSplitBlank(s[runEnd]))
                {
                    runEnd++;
                }

                parts.Add(s[partStart..i]);
                partStart = runEnd;
                i = runEnd;
                continue;
            }

            i++;
        }

        parts.Add(s[partStart..]);
        return parts;
    }

    /// <summary>Go <c>strconv.Quote</c>.</summary>
    public static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2);
        AppendQuoted(sb, s);
        return sb.ToString();
    }

    /// <summary>Appends Go <c>strconv.Quote(s)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AppendQuoted(StringBuilder sb, string s)
    {
        sb.Append('"');
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            int rune;
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                rune = char.ConvertToUtf32(c, s[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                rune = 0xFFFD;
            }
            else
            {
                rune = c;
            }

            switch (rune)
            {
                case '"': sb.Append("\\\""); continue;
                case '\\': sb.Append("\\\\"); continue;
                case '\a': sb.Append("\\a"); continue;
                case '\b': sb.Append("\\b"); continue;
                case '\f': sb.Append("\\f"); continue;
                case '\n': sb.Append("\\n"); continue;
                case '\r': sb.Append("\\r"); continue;
                case '\t': sb.Append("\\t"); continue;
                case '\v': sb.Append("\\v"); continue;
            }

            if (IsPrint(rune))
            {
                if (rune > 0xFFFF)
                {
                    sb.Append(char.ConvertFromUtf32(rune));
                }
                else
                {
                    sb.Append((char)rune);
                }
            }
            else if (rune < ' ' || rune == 0x7F)
            {
                sb.Append("\\x").Append(rune.ToString("x2", CultureInfo.InvariantCulture));
            }
            else if (rune < 0x10000)
            {
                sb.Append("\\u").Append(rune.ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append("\\U").Append(rune.ToString("x8", CultureInfo.InvariantCulture));
            }
        }

        sb.Append('"');
    }

    /// <summary>Go <c>unicode.IsPrint</c>: letters, marks, numbers, punctuation, symbols and ASCII space.</summary>
    public static bool IsPrint(int rune)
    {
        if (rune < 0x80)
        {
            return rune >= 0x20 && rune < 0x7F;
        }

        if (rune == 0xFFFD)
        {
            return true;
        }

        var cat = rune <= 0xFFFF ? CharUnicodeInfo.GetUnicodeCategory((char)rune) : CharUnicodeInfo.GetUnicodeCategory(rune);
        return cat switch
        {
            UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned => false,
            _ => true,
        };
    }

    /// <summary>Number of bytes of the UTF-8 encoding of s[start..end].</summary>
    public static int Utf8Length(string s, int start, int end)
    {
        int n = 0;
        for (int i = start; i < end; i++)
        {
            char c = s[i];
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : char.IsSurrogate(c) ? 2 : 3;
        }

        return n;
    }
}
