using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace CSharpFrontend.Shared;

/// <summary>
/// Go's <c>strconv.Quote</c>, <c>strconv.QuoteRune</c> and <c>strconv.IsPrint</c> (what <c>%q</c> prints).
/// One source file linked into every project that needs it (each compiles its own internal copy).
/// </summary>
internal static class GoQuoting
{
    /// <summary>Go <c>strconv.Quote(s)</c>.</summary>
    /// <param name="s">The text.</param>
    /// <param name="escapeLoneSurrogates">
    /// How an unpaired surrogate (no Go string holds one) is rendered: false quotes it as U+FFFD, the rune Go decodes
    /// from invalid UTF-8; true treats it as a code point of its own, escaped as <c>\udxxx</c> (the shell's view).
    /// </param>
    public static string Quote(string s, bool escapeLoneSurrogates = false)
    {
        var sb = new StringBuilder(s.Length + 2);
        AppendQuoted(sb, s, escapeLoneSurrogates);
        return sb.ToString();
    }

    /// <summary>Appends Go <c>strconv.Quote(s)</c>; see <see cref="Quote"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AppendQuoted(StringBuilder sb, string s, bool escapeLoneSurrogates = false)
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
            else if (char.IsSurrogate(c) && !escapeLoneSurrogates)
            {
                rune = 0xFFFD;
            }
            else
            {
                rune = c;
            }

            AppendRune(sb, rune, '"');
        }

        sb.Append('"');
    }

    /// <summary>Go <c>strconv.QuoteRune</c>, what <c>%q</c> prints for an integer; an invalid code point is U+FFFD.</summary>
    public static string QuoteRune(int value)
    {
        var sb = new StringBuilder(12);
        sb.Append('\'');
        AppendRune(sb, Rune.IsValid(value) ? value : 0xFFFD, '\'');
        return sb.Append('\'').ToString();
    }

    /// <summary>Go <c>strconv.IsPrint</c>: letters, marks, numbers, punctuation, symbols and ASCII space; false for a non-scalar value.</summary>
    public static bool IsPrint(int rune)
    {
        if (rune < 0x80)
        {
            return rune >= 0x20 && rune < 0x7F;
        }

        if (!Rune.IsValid(rune))
        {
            return false;
        }

        return Rune.GetUnicodeCategory(new Rune(rune)) is not (
            UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
            && !IsAssignedAfterGoTables(rune);
    }

    /// <summary>
    /// Code points .NET's Unicode data (16.0) assigns that Go 1.23's tables (Unicode 15.0.0, the Go of BuildKit
    /// v0.24.0) do not: Go does not print them. Found by comparing <c>strconv.IsPrint</c> with the test above over
    /// every code point.
    /// </summary>
    private static bool IsAssignedAfterGoTables(int rune)
    {
        if (rune < 0x897)
        {
            return false;
        }

        foreach (var (first, last) in AssignedAfterGoTables)
        {
            if (rune < first)
            {
                return false;
            }

            if (rune <= last)
            {
                return true;
            }
        }

        return false;
    }

    private static readonly (int First, int Last)[] AssignedAfterGoTables =
    [
        (0x897, 0x897), (0x1B4E, 0x1B4F), (0x1B7F, 0x1B7F), (0x1C89, 0x1C8A), (0x2427, 0x2429), (0x2FFC,
        0x2FFF), (0x31E4, 0x31E5), (0x31EF, 0x31EF), (0xA7CB, 0xA7CD), (0xA7DA, 0xA7DC), (0x105C0, 0x105F3),
        (0x10D40, 0x10D65), (0x10D69, 0x10D85), (0x10D8E, 0x10D8F), (0x10EC2, 0x10EC4), (0x10EFC, 0x10EFC),
        (0x11380, 0x11389), (0x1138B, 0x1138B), (0x1138E, 0x1138E), (0x11390, 0x113B5), (0x113B7, 0x113C0),
        (0x113C2, 0x113C2), (0x113C5, 0x113C5), (0x113C7, 0x113CA), (0x113CC, 0x113D5), (0x113D7, 0x113D8),
        (0x113E1, 0x113E2), (0x116D0, 0x116E3), (0x11BC0, 0x11BE1), (0x11BF0, 0x11BF9), (0x11F5A, 0x11F5A),
        (0x13460, 0x143FA), (0x16100, 0x16139), (0x16D40, 0x16D79), (0x18CFF, 0x18CFF), (0x1CC00, 0x1CCF9),
        (0x1CD00, 0x1CEB3), (0x1E5D0, 0x1E5FA), (0x1E5FF, 0x1E5FF), (0x1F8B2, 0x1F8BB), (0x1F8C0, 0x1F8C1),
        (0x1FA89, 0x1FA89), (0x1FA8F, 0x1FA8F), (0x1FABE, 0x1FABE), (0x1FAC6, 0x1FAC6), (0x1FADC, 0x1FADC),
        (0x1FADF, 0x1FADF), (0x1FAE9, 0x1FAE9), (0x1FBCB, 0x1FBEF), (0x2EBF0, 0x2EE5D)
    ];

    /// <summary>Appends one rune of a quoted literal delimited by <paramref name="quote"/>.</summary>
    private static void AppendRune(StringBuilder sb, int rune, char quote)
    {
        if (rune == quote || rune == '\\')
        {
            sb.Append('\\').Append((char)rune);
            return;
        }

        if (IsPrint(rune))
        {
            if (rune < 0x10000)
            {
                sb.Append((char)rune);
            }
            else
            {
                Span<char> pair = stackalloc char[2];
                sb.Append(pair[..new Rune(rune).EncodeToUtf16(pair)]);
            }

            return;
        }

        switch (rune)
        {
            case '\a': sb.Append("\\a"); return;
            case '\b': sb.Append("\\b"); return;
            case '\f': sb.Append("\\f"); return;
            case '\n': sb.Append("\\n"); return;
            case '\r': sb.Append("\\r"); return;
            case '\t': sb.Append("\\t"); return;
            case '\v': sb.Append("\\v"); return;
        }

        if (rune < ' ' || rune == 0x7F)
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
}
