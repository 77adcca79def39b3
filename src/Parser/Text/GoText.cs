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
