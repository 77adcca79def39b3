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
